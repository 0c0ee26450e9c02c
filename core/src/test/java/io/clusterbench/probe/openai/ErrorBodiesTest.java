package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void findsTheMessageInEachShapeOfErrorAnswer() {
        assertThat(ErrorBodies.message("{\"error\":{\"message\":\"too long\",\"type\":\"BadRequestError\"}}"))
                .isEqualTo("too long");
        assertThat(ErrorBodies.message("{\"object\":\"error\",\"message\":\"flat\",\"code\":400}")).isEqualTo("flat");
        assertThat(ErrorBodies.message("{\"error\":\"Unauthorized\"}")).isEqualTo("Unauthorized");
        assertThat(ErrorBodies.message("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(ErrorBodies.message("<html>\n<body>502 Bad Gateway</body>\n</html>"))
                .isEqualTo("<html> <body>502 Bad Gateway</body> </html>");
        assertThat(ErrorBodies.message("  ")).isEqualTo("an empty body");
        assertThat(ErrorBodies.message("x".repeat(400))).hasSize(303).endsWith("...");
    }
}
