package dev.converge.common.config;

/** Invalid Converge configuration. The message is one line naming the property and the problem. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
