package io.fieldlink.fieldctl.ledger;

import picocli.CommandLine.Command;

/** {@code fieldctl ledger ...}: the host's tamper-evident ledger. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Check the host's tamper-evident ledger.",
        subcommands = {LedgerVerifyCommand.class})
public final class LedgerCommand {
}
