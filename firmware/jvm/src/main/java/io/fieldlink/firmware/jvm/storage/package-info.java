/**
 * The storage HAL on files: one file per area, every write synchronously on disk (DSYNC), so the
 * firmware's journal sees the same power-cut semantics as flash. Must not import the host, the
 * simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.storage;
