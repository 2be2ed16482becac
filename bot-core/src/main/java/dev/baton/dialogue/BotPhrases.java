package dev.baton.dialogue;

import java.util.Map;

/**
 * What the bot says when it is not answering from the FAQ, in every supported language. Unknown languages
 * get English, the lingua franca of support chats.
 */
public final class BotPhrases {

    public enum Phrase {
        NOT_UNDERSTOOD,
        DID_YOU_MEAN,
        TALK_TO_PERSON,
        HANDING_OFF,
        HANDING_OFF_NOBODY_ONLINE,
        AGENT_JOINED,
        BACK_TO_BOT,
        MESSAGE_LEFT,
        RESOLVED,
        STOPPED_WAITING
    }

    private static final Map<String, Map<Phrase, String>> PHRASES = Map.of(
            "en", Map.of(
                    Phrase.NOT_UNDERSTOOD, "Sorry, I didn't understand that. Could you say it in other words? Or I can get you a person.",
                    Phrase.DID_YOU_MEAN, "I'm not sure I got that. Did you mean one of these?",
                    Phrase.TALK_TO_PERSON, "Talk to a person",
                    Phrase.HANDING_OFF, "I'm passing you to a person from our team. They will see our conversation, so you won't need to repeat yourself.",
                    Phrase.HANDING_OFF_NOBODY_ONLINE, "I'm passing you to our team, but nobody is online right now. You can wait, or leave a message and we'll get back to you.",
                    Phrase.AGENT_JOINED, "%s joined the conversation.",
                    Phrase.BACK_TO_BOT, "You're back with the bot. Ask me anything, or ask for a person again at any time.",
                    Phrase.MESSAGE_LEFT, "Thank you, your message has been passed to our team. We'll get back to you as soon as possible.",
                    Phrase.RESOLVED, "This conversation has been closed. Thank you for contacting us!",
                    Phrase.STOPPED_WAITING, "OK, you're back with the bot. Ask for a person again at any time."),
            "it", Map.of(
                    Phrase.NOT_UNDERSTOOD, "Scusa, non ho capito. Puoi dirlo con altre parole? Oppure posso passarti a una persona.",
                    Phrase.DID_YOU_MEAN, "Non sono sicuro di aver capito. Intendevi una di queste?",
                    Phrase.TALK_TO_PERSON, "Parla con una persona",
                    Phrase.HANDING_OFF, "Ti passo a una persona del nostro team. Vedrà la nostra conversazione, quindi non dovrai ripetere nulla.",
                    Phrase.HANDING_OFF_NOBODY_ONLINE, "Ti passo al nostro team, ma al momento non c'è nessuno online. Puoi attendere oppure lasciare un messaggio e ti ricontatteremo.",
                    Phrase.AGENT_JOINED, "%s è entrato nella conversazione.",
                    Phrase.BACK_TO_BOT, "Sei di nuovo con il bot. Chiedimi pure, o chiedi di nuovo una persona quando vuoi.",
                    Phrase.MESSAGE_LEFT, "Grazie, il tuo messaggio è stato inoltrato al nostro team. Ti risponderemo il prima possibile.",
                    Phrase.RESOLVED, "La conversazione è stata chiusa. Grazie per averci contattato!",
                    Phrase.STOPPED_WAITING, "Va bene, sei di nuovo con il bot. Puoi chiedere una persona quando vuoi."),
            "lt", Map.of(
                    Phrase.NOT_UNDERSTOOD, "Atsiprašau, nesupratau. Ar galėtumėte pasakyti kitais žodžiais? Arba galiu sujungti jus su žmogumi.",
                    Phrase.DID_YOU_MEAN, "Nesu tikras, ar supratau. Ar turėjote omenyje vieną iš šių?",
                    Phrase.TALK_TO_PERSON, "Kalbėti su žmogumi",
                    Phrase.HANDING_OFF, "Perduodu jus mūsų komandos nariui. Jis matys mūsų pokalbį, todėl nieko kartoti nereikės.",
                    Phrase.HANDING_OFF_NOBODY_ONLINE, "Perduodu jus mūsų komandai, bet šiuo metu niekas neprisijungęs. Galite palaukti arba palikti žinutę – mes su jumis susisieksime.",
                    Phrase.AGENT_JOINED, "%s prisijungė prie pokalbio.",
                    Phrase.BACK_TO_BOT, "Vėl kalbatės su robotu. Klauskite, arba bet kada vėl paprašykite žmogaus.",
                    Phrase.MESSAGE_LEFT, "Ačiū, jūsų žinutė perduota mūsų komandai. Atsakysime kuo greičiau.",
                    Phrase.RESOLVED, "Pokalbis baigtas. Ačiū, kad kreipėtės!",
                    Phrase.STOPPED_WAITING, "Gerai, vėl kalbatės su robotu. Žmogaus galite paprašyti bet kada."),
            "fa", Map.of(
                    Phrase.NOT_UNDERSTOOD, "متأسفم، متوجه نشدم. می‌توانید با کلمات دیگری بگویید؟ یا می‌توانم شما را به یک همکار وصل کنم.",
                    Phrase.DID_YOU_MEAN, "مطمئن نیستم درست فهمیده باشم. منظورتان یکی از این‌ها بود؟",
                    Phrase.TALK_TO_PERSON, "صحبت با یک اپراتور",
                    Phrase.HANDING_OFF, "شما را به یکی از همکارانمان وصل می‌کنم. او گفتگوی ما را می‌بیند و لازم نیست چیزی را تکرار کنید.",
                    Phrase.HANDING_OFF_NOBODY_ONLINE, "شما را به تیم ما وصل می‌کنم، اما الان کسی آنلاین نیست. می‌توانید منتظر بمانید یا پیامی بگذارید تا با شما تماس بگیریم.",
                    Phrase.AGENT_JOINED, "%s به گفتگو پیوست.",
                    Phrase.BACK_TO_BOT, "دوباره با ربات صحبت می‌کنید. هر سؤالی دارید بپرسید یا هر وقت خواستید دوباره اپراتور بخواهید.",
                    Phrase.MESSAGE_LEFT, "متشکریم، پیام شما به تیم ما رسید. در اولین فرصت پاسخ می‌دهیم.",
                    Phrase.RESOLVED, "این گفتگو بسته شد. از تماس شما متشکریم!",
                    Phrase.STOPPED_WAITING, "بسیار خب، دوباره با ربات صحبت می‌کنید. هر وقت خواستید می‌توانید اپراتور بخواهید."));

    public String say(Phrase phrase, String language, Object... args) {
        String template = PHRASES.getOrDefault(language, PHRASES.get("en")).get(phrase);
        return args.length == 0 ? template : String.format(template, args);
    }
}
