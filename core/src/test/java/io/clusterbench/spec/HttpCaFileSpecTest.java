package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http service's {@code caFile}: where it points, and what is only worth a warning. */
class HttpCaFileSpecTest {

    @Test
    void resolvesAReadableCaFileAgainstTheSpecsFolderWithoutWarnings(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, """
                cluster: lab
                services:
                  web: { type: http, url: "https://127.0.0.1:8443/", caFile: certs/ca.pem }
                """);

        LoadedSpec loaded = SpecLoader.load(file);

        assertThat(loaded.spec().services().get("web").option("caFile")).hasValue(dir.resolve("certs/ca.pem").toString());
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void warnsAboutACaFileThatCannotBeReadYetOrThatAPlainUrlNeverUses() throws Exception {
        LoadedSpec loaded = SpecFiles.loadText("c.yaml", """
                cluster: lab
                services:
                  web: { type: http, url: "http://127.0.0.1:8080/", caFile: missing/ca.pem }
                  home: { type: http, url: "https://127.0.0.1:8443/", caFile: ~/ca.pem }
                """, Map.of());

        assertThat(loaded.spec().services().get("web").option("caFile")).hasValue("/specs/missing/ca.pem");
        assertThat(loaded.spec().services().get("home").option("caFile")).as("~ kept until used").hasValue("~/ca.pem");
        assertThat(loaded.warnings()).extracting(SpecProblem::format).startsWith(
                "c.yaml:3:61 services.web.caFile: is used only for an https url, and url is http;"
                        + " write url: https://... or remove caFile",
                "c.yaml:3:61 services.web.caFile: cannot read /specs/missing/ca.pem (it is read again when used)");
    }

    @Test
    void refusesCaFileWhereItDoesNotApplyOrIsNotAPath() {
        assertThatThrownBy(() -> SpecFiles.loadText("r.yaml", """
                cluster: lab
                services:
                  cache: { type: redis, address: 127.0.0.1, caFile: ca.pem }
                  web: { type: http, url: "https://127.0.0.1:8443/", caFile: [a, b] }
                """, Map.of()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("r.yaml:3:")
                .hasMessageContaining("services.cache.caFile: 'caFile' does not apply to a redis service")
                .hasMessageContaining("r.yaml:4:62 services.web.caFile: must be text, got a list");
    }
}
