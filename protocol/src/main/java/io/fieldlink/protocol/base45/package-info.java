/**
 * Base45 (RFC 9285): bytes as text in the QR code alphanumeric set, for tokens printed or shown as
 * QR codes. Portable: imports only the protocol root and the JDK allow-list.
 */
package io.fieldlink.protocol.base45;
