package org.linli.forum.web.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsCsvServletTest {

    @Test
    void cellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(ProblemsCsvServlet.cell("青年路路灯")).isEqualTo("\"青年路路灯\"");
        assertThat(ProblemsCsvServlet.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(ProblemsCsvServlet.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(ProblemsCsvServlet.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(ProblemsCsvServlet.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(ProblemsCsvServlet.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ProblemsCsvServlet.cell("")).isEqualTo("\"\"");
    }
}
