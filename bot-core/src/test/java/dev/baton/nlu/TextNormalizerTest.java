package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            it | Perché NON funziona?            | perche non funziona
            it | È già arrivato                  | e gia arrivato
            lt | Noriu kalbėti su žmogumi        | noriu kalbeti su zmogumi
            lt | Ačiū, labai ačiū!               | aciu labai aciu
            en | Where's my order #A-123?        | where s my order a 123
            en | ﬁnal ＡＢＣ                      | final abc
            de | Straße über Öl                  | straße uber ol
            """)
    void lowerCasesFoldsCompatibilityFormsAndStripsDiacritics(String language, String text, String normalized) {
        assertThat(TextNormalizer.forLanguage(language).normalize(text)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            l'ordine          | l ordine
            l’ordine          | l ordine
            dov'è             | dov e
            dov’è             | dov e
            un'altra volta    | un altra volta
            dell'assistenza   | dell assistenza
            """)
    void splitsItalianElisionsOnStraightAndCurlyApostrophes(String text, String normalized) {
        assertThat(TextNormalizer.forLanguage("it").normalize(text)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            علي                 | علی
            على                 | علی
            كتاب                | کتاب
            مدرسة               | مدرسه
            أحمد إبراهيم آمد     | احمد ابراهیم امد
            کتابِ خوبْ           | کتاب خوب
            سلاااـــم           | سلااام
            خانهٔ من             | خانه من
            """)
    void foldsArabicLetterVariantsHarakatAndTatweelToPersianLetters(String text, String normalized) {
        assertThat(TextNormalizer.forLanguage("fa").normalize(text)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            می‌خواهم سفارش بدهم       | میخواهم سفارش بدهم
            می خواهم سفارش بدهم       | میخواهم سفارش بدهم
            نمی‌توانم وارد شوم         | نمیتوانم وارد شوم
            نمی توانم وارد شوم         | نمیتوانم وارد شوم
            کتاب‌ها را می‌خوانم         | کتابها را میخوانم
            کتاب ها را می خوانم        | کتابها را میخوانم
            بهترین‌ترین                | بهترینترین
            """)
    void givesPersianTheSameTokensWithZeroWidthNonJoinerWithoutItOrWithASpace(String text, String normalized) {
        assertThat(TextNormalizer.forLanguage("fa").normalize(text)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fa | سفارش ۱۲۳       | سفارش 123
            fa | سفارش ١٢٣       | سفارش 123
            en | order 123       | order 123
            """)
    void readsPersianAndArabicIndicDigitsAsAsciiDigits(String language, String text, String normalized) {
        assertThat(TextNormalizer.forLanguage(language).normalize(text)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | refund for order 88412, email mark.b@example.org | refund for order 0000 email
            it | ordine n. 12345 (giulia.r@example.it)              | ordine n 0000
            en | call +39 333 1234567                               | call 39 333 0000
            en | 3 mugs for 24 euros                                | 3 mugs for 24 euros
            """)
    void dropsEmailAddressesAndReadsEveryLongNumberAlike(String language, String text, String normalized) {
        assertThat(TextNormalizer.forLanguage(language).normalize(text)).isEqualTo(normalized);
    }
}
