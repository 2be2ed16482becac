package dev.baton.dialogue;

import dev.baton.conversation.Mood;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads frustration and anger from a visitor message: insults, "this is useless", shouting, and asking the
 * same thing again. Empathy first: any of these hands the visitor to a person rather than another bot reply.
 * Lexicons match normalised text (lower case, no diacritics); shouting is read from the raw text.
 */
public final class MoodDetector {

    private static final Map<String, Pattern> INSULTS = Map.of(
            "en", Pattern.compile("\\b(stupid|idiot\\w*|dumb|moron\\w*|fuck\\w*|shit\\w*|crap|wtf|bullshit|damn|pathetic|rubbish bot|garbage)\\b"),
            "it", Pattern.compile("\\b(stupid[oaie]|idiot[aie]|cretin[oaie]|imbecill[ei]|cazz\\w*|merda|schifo\\w*|vaffanculo|fanculo|deficiente)\\b"),
            "lt", Pattern.compile("\\b(kvail\\w*|idiot\\w*|debil\\w*|slamstas|sudas|velniop)\\b"),
            "fa", Pattern.compile("(احمق|مزخرف|خفه شو|لعنتی|کثافت|مسخره)"));

    private static final Map<String, Pattern> COMPLAINTS = Map.of(
            "en", Pattern.compile("\\b(useless|not helpful|no help|doesn ?t help|does not help|you don ?t understand|you do not understand|waste of (my )?time|ridiculous|terrible|worst|unacceptable|fed up|sick of|this is a joke|(so |really |very )?(annoyed|angry|furious|frustrated))\\b"),
            "it", Pattern.compile("\\b(inutile|non (mi )?(serve|servi|aiuti|aiuta|capisci) a? ?(niente|nulla)?|non capisci|perdita di tempo|ridicolo|vergogna|pessim[oa]|inaccettabile|sono stufo|sono stufa|assurdo|(sono )?(arrabbiat[oa]|furios[oa]|esasperat[oa]))\\b"),
            "lt", Pattern.compile("\\b(nenaudingas|nenaudinga|nesuprant\\w*|nepadeda|gaistu laika|juokinga|siaubinga|nepriimtina|piktas|pikta|isiutes|isiutusi)\\b"),
            "fa", Pattern.compile("(بی ?فایده|بیفایده|کمکی نمی ?کنی|نمی ?فهمی|افتضاح|وقتم را تلف|غیرقابل قبول|عصبانی)"));

    /**
     * Calling the shop thieves or frauds, or threatening a lawyer: anger without a swear word, which the insults
     * missed ("siete dei ladri, rivoglio i miei soldi" got the refunds answer). Normalised forms (no diacritics).
     */
    private static final Map<String, Pattern> ACCUSATIONS = Map.of(
            "en", Pattern.compile("\\b(thie(f|ves)|scam\\w*|fraud(s|sters?)?|crooks?|rip ?off|ripped (me )?off|lawyers?|sue you|legal action|disgrac\\w*|disgusting|shame on you|never (buy|order|shop)\\w* (from you |here )?again)\\b"),
            "it", Pattern.compile("\\b(ladri|ladro|truff\\w*|imbroglio\\w*|fregatura|avvocat[oi]|denunc\\w*|vergognatevi|vergognoso|schifosi|incompetenti)\\b"),
            "lt", Pattern.compile("\\b(vagys|vagis|sukciai|sukcius|apgavik\\w*|apgaul\\w*|advokat\\w*|skusiu|geda jums|begedziai)\\b"),
            "fa", Pattern.compile("(دزد|کلاهبردار|کلاه ?برداری|وکیل|شکایت می ?کنم|شرم ?آور)"));

    private static final int SHOUTING_MIN_LETTERS = 8;

    /**
     * @param raw               the message as typed (for shouting)
     * @param normalized        the message after {@code TextNormalizer}
     * @param earlierNormalized the visitor's earlier messages in this conversation, normalised
     */
    public MoodReading read(String raw, String normalized, String language, List<String> earlierNormalized) {
        List<String> signals = new ArrayList<>();
        boolean insult = matchesIn(INSULTS, normalized, language);
        if (insult) {
            signals.add("insult");
        }
        boolean accusation = matchesIn(ACCUSATIONS, normalized, language);
        if (accusation) {
            signals.add("accuses or threatens");
        }
        if (matchesIn(COMPLAINTS, normalized, language)) {
            signals.add("says the bot does not help");
        }
        if (isShouting(raw)) {
            signals.add("shouting");
        }
        if (normalized.strip().length() >= 8 && earlierNormalized.stream().anyMatch(e -> e.strip().equals(normalized.strip()))) {
            signals.add("the same question again");
        }
        if (signals.isEmpty()) {
            return MoodReading.NEUTRAL;
        }
        return new MoodReading(insult || accusation ? Mood.ANGRY : Mood.FRUSTRATED, signals);
    }

    private static boolean matchesIn(Map<String, Pattern> lexicon, String normalized, String language) {
        Pattern own = lexicon.get(language);
        return (own != null && own.matcher(normalized).find())
                || (!"en".equals(language) && lexicon.get("en").matcher(normalized).find());
    }

    /** Mostly capitals over a real sentence, or a volley of exclamation marks. */
    static boolean isShouting(String raw) {
        long letters = raw.codePoints().filter(Character::isLetter).count();
        long upper = raw.codePoints().filter(Character::isUpperCase).count();
        return (letters >= SHOUTING_MIN_LETTERS && upper >= 0.8 * letters) || raw.contains("!!!");
    }
}
