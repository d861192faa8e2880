package io.fieldlink.firmware.hal;

/** Severity of a log entry, least severe first. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
