package io.fieldlink.boards;

import java.util.ArrayList;
import java.util.List;

/** A board variant read from its definition file: identity, channels, outputs, config keys. Immutable. */
public final class BoardDefinition {
    private final String name;
    private final BoardKind kind;
    private final String description;
    private final List<ChannelDefinition> channels;
    private final List<OutputDefinition> outputs;
    private final List<ConfigKey> config;

    BoardDefinition(String name, BoardKind kind, String description, List<ChannelDefinition> channels,
            List<OutputDefinition> outputs, List<ConfigKey> config) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.channels = channels;
        this.outputs = outputs;
        this.config = config;
    }

    /** @return variant name, e.g. {@code meter-1p} */
    public String name() {
        return name;
    }

    /** @return the board family */
    public BoardKind kind() {
        return kind;
    }

    /** @return one-line description */
    public String description() {
        return description;
    }

    /** @return input channels in file order (a copy) */
    public List<ChannelDefinition> channels() {
        return new ArrayList<ChannelDefinition>(channels);
    }

    /** @return output channels in file order (a copy) */
    public List<OutputDefinition> outputs() {
        return new ArrayList<OutputDefinition>(outputs);
    }

    /** @return config keys in file order (a copy) */
    public List<ConfigKey> configKeys() {
        return new ArrayList<ConfigKey>(config);
    }

    /**
     * @param channelName a channel name
     * @return the channel, or null
     */
    public ChannelDefinition channel(String channelName) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(channelName)) {
                return channels.get(i);
            }
        }
        return null;
    }

    /**
     * @param outputName an output name
     * @return the output, or null
     */
    public OutputDefinition output(String outputName) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(outputName)) {
                return outputs.get(i);
            }
        }
        return null;
    }

    /**
     * @param key a config key name
     * @return the key, or null
     */
    public ConfigKey configKey(String key) {
        for (int i = 0; i < config.size(); i++) {
            if (config.get(i).name().equals(key)) {
                return config.get(i);
            }
        }
        return null;
    }
}
