/**
 * The ingest log: the host's durability point for accepted uplinks. Append-only segment files in
 * {@code DIR/ingest-log} ({@code <first position>.log}), each a run of frames {@code [int length][int
 * ~length][int CRC-32C of the payload][payload]} (the length's complement tells a damaged length
 * from a torn tail); one group of entries is appended and synced with one
 * {@code FileChannel.force} before any of them is acknowledged. The store is checkpointed behind it
 * (recording how far the log was applied) and segments wholly before a checkpoint are deleted. At
 * start-up a torn tail (the last entry partly written or failing its CRC) is cut off; anything else
 * that does not read back is a {@link io.fieldlink.host.store.ingestlog.CorruptLogException} naming
 * the file and offset. Knows nothing of what an entry holds; plain JDK file I/O, no MapDB, CoAP or
 * HTTP library.
 */
package io.fieldlink.host.store.ingestlog;
