package io.cachalot.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two renderings that differ in any part of their key never share a fragment. */
class FragmentKeysTest {

    private static final String PLACE = FragmentKeys.place("page.html", 3, 5, "<p th:cachalot=\"book\">x</p>");

    @Test
    void keyValuesThatPrintAlikeGetDifferentKeys() {
        List<Object> values = Arrays.asList(
                null, "null", "", "a,b", List.of("a", "b"), List.of("a,b"), List.of(List.of("a"), "b"),
                List.of("a", List.of("b")), new String[] {"a", "b"}, "[a, b]", Map.of("a", "b"), "{a=b}",
                "1:a", List.of("1:a"), "S1:a", List.of());
        Set<String> keys = new HashSet<>();
        for (Object value : values) {
            keys.add(key(value, Locale.ENGLISH, "tag"));
        }
        // an array and a list of the same items are the same key, on purpose
        assertThat(keys).hasSize(values.size() - 1);
        assertThat(key(new String[] {"a", "b"}, Locale.ENGLISH, "tag")).isEqualTo(key(List.of("a", "b"), Locale.ENGLISH, "tag"));
    }

    @Test
    void numbersAndTheirTextAreTheSameKey() {
        assertThat(key(42L, Locale.ENGLISH, "tag")).isEqualTo(key("42", Locale.ENGLISH, "tag"));
    }

    @Test
    void valuesWithoutTextOfTheirOwnAreRejected() {
        Object entityLike = new Object();

        assertThatThrownBy(() -> key(entityLike, Locale.ENGLISH, "tag"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object has no text of its own");
        assertThatThrownBy(() -> key(List.of("a", entityLike), Locale.ENGLISH, "tag"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localeAndVersionTagArePartsOfTheKey() {
        assertThat(key("k", Locale.FRENCH, "tag")).isNotEqualTo(key("k", Locale.ENGLISH, "tag"));
        assertThat(key("k", Locale.CANADA_FRENCH, "tag")).isNotEqualTo(key("k", Locale.FRENCH, "tag"));
        assertThat(key("k", Locale.ENGLISH, "tag2")).isNotEqualTo(key("k", Locale.ENGLISH, "tag"));
    }

    @Test
    void partsCannotBorrowCharactersFromEachOther() {
        String a = FragmentKeys.key("unit", "p|q", "r", Locale.ENGLISH, "t");
        String b = FragmentKeys.key("unit", "p", "q|r", Locale.ENGLISH, "t");
        String c = FragmentKeys.key("unitp", "", "q|r", Locale.ENGLISH, "t");
        assertThat(Set.of(a, b, c)).hasSize(3);
    }

    @Test
    void placeNamesTemplatePositionAndSource() {
        assertThat(FragmentKeys.place("page.html", 3, 5, "<p>x</p>")).isNotEqualTo(FragmentKeys.place("page.html", 3, 6, "<p>x</p>"));
        assertThat(FragmentKeys.place("page.html", 3, 5, "<p>x</p>")).isNotEqualTo(FragmentKeys.place("page.html", 4, 5, "<p>x</p>"));
        assertThat(FragmentKeys.place("page.html", 3, 5, "<p>x</p>")).isNotEqualTo(FragmentKeys.place("other.html", 3, 5, "<p>x</p>"));
        assertThat(FragmentKeys.place("page.html", 3, 5, "<p>x</p>")).as("an edited template")
                .isNotEqualTo(FragmentKeys.place("page.html", 3, 5, "<p>y</p>"));
        assertThat(FragmentKeys.place("page.html", 3, 5, "<p>x</p>")).isEqualTo(FragmentKeys.place("page.html", 3, 5, "<p>x</p>"));
    }

    @Test
    void longTemplateNamesAreShortenedButStayDistinct() {
        String text = "<p>".repeat(200);
        String place = FragmentKeys.place(text, 1, 1, "");
        assertThat(place).hasSizeLessThan(100);
        assertThat(place).isNotEqualTo(FragmentKeys.place(text + " ", 1, 1, ""));
    }

    private static String key(Object value, Locale locale, String tag) {
        return FragmentKeys.key("unit", PLACE, value, locale, tag);
    }
}
