/**
 * The power-fail-safe journal: an append-only ring of CRC-32 records with sequence numbers, a
 * committed state snapshot in A/B slots (generation counter + CRC, recovery takes the newest valid),
 * and compaction by acknowledgement. Portable (Java 7); imports only the HAL storage interfaces and
 * the JDK allow-list.
 */
package io.fieldlink.firmware.journal;
