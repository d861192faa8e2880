/**
 * fieldctl's serial side: listing ports, the interactive console, and scripted commands in the
 * board's machine mode (one reply line per command). Imports jSerialComm and picocli; nothing of the
 * host or the firmware.
 */
package io.fieldlink.fieldctl.serial;
