package dev.converge.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViewDefTest {

    @Test
    void theHashTextLeavesTheColumnNamesOutAndIsWhatItWasBeforeTheyWereRead() {
        ViewDef view = new ViewDef(new QName("app", "v"), true, "SELECT 1 AS one", List.of("fillfactor=70"), "c",
                Map.of("one", "the one"), List.of("schema:app"), List.of("one"));

        // a plan made by an older version carries hashes of this text: it must not change
        assertThat(view.canonical()).isEqualTo("ViewDef[name=app.v, materialized=true, definition=SELECT 1 AS one, "
                + "reloptions=[fillfactor=70], comment=c, columnComments={one=the one}, deps=[schema:app]]");
    }
}
