/**
 * Host configuration: every key in one place ({@link io.fieldlink.host.config.HostConfig}), typed,
 * with its default and a one-line description, read from a properties file and checked at start-up.
 * Imports nothing outside the JDK.
 */
package io.fieldlink.host.config;
