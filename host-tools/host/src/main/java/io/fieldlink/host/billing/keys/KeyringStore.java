package io.fieldlink.host.billing.keys;

import java.io.IOException;
import java.util.List;

/** Where the keyring lives. {@link #save} replaces the whole keyring atomically. */
public interface KeyringStore {
    List<IssuerKey> load() throws IOException;

    void save(List<IssuerKey> keys) throws IOException;
}
