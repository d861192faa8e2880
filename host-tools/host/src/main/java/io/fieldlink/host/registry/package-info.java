/**
 * The device registry: provisioned devices, their board kind, pre-shared key and what was last
 * heard from them. Persists through {@code io.fieldlink.host.store}; imports no CoAP or HTTP library.
 */
package io.fieldlink.host.registry;
