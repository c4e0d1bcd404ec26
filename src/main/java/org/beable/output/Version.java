package org.beable.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into beable.properties at build time. */
public final class Version {
    private Version() {}

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/beable.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
