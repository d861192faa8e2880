/** The issuer keyring on disk: one secret file per key (mode 600) and an index, replaced atomically. */
package io.fieldlink.host.store.keys;
