package io.fieldlink.fieldctl.token;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.fieldctl.ExitCodes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Issuer keys: make one, or show the trusted-keys line of one. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Issuer keys (Ed25519).",
        subcommands = {KeyCommand.New.class, KeyCommand.Show.class})
public final class KeyCommand {
    /** Generates an issuer key into a new file (mode 600) and prints its trusted-keys line. */
    @Command(name = "new", mixinStandardHelpOptions = true, description = "Generate an issuer key into a new file (mode 600).")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, description = "file to create")
        Path out;

        @Override
        public Integer call() throws Exception {
            IssuerKeyPair key = IssuerKeyPair.generate(new SecureRandom());
            KeyFiles.writeIssuer(out, key);
            spec.commandLine().getOut().println(KeyFiles.trustedLine(key));
            return ExitCodes.OK;
        }
    }

    /** Prints the {@code <key id> <public key>} line boards are provisioned with. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print an issuer key's trusted-keys line (key id and public key).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "issuer key file")
        Path key;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(KeyFiles.trustedLine(KeyFiles.readIssuer(key)));
            return ExitCodes.OK;
        }
    }
}
