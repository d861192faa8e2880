/**
 * fieldctl, the technician and operator CLI. Must not import the host's internals or the firmware.
 */
package io.fieldlink.fieldctl;
