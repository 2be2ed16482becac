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
        HANDING_OFF_CLOSED,
        HANDING_OFF_CLOSED_UNTIL_UNKNOWN,
        PLACE_IN_QUEUE,
        AGENT_JOINED,
        TRANSFERRED,
        TRANSFERRED_TO_TEAM,
        BACK_TO_BOT,
        MESSAGE_LEFT,
        RESOLVED,
        STOPPED_WAITING,
        AGENT_LOST,
        VISITOR_LEFT_QUEUE,
        NOT_HELPFUL,
        RATED,
        RATED_WITH_COMMENT,
        RATE_CONVERSATION
    }

    private static final Map<String, Map<Phrase, String>> PHRASES = Map.of(
            "en", Map.ofEntries(
                    Map.entry(Phrase.NOT_UNDERSTOOD, "Sorry, I didn't understand that. Could you say it in other words? Or I can get you a person."),
                    Map.entry(Phrase.DID_YOU_MEAN, "I'm not sure I got that. Did you mean one of these?"),
                    Map.entry(Phrase.TALK_TO_PERSON, "Talk to a person"),
                    Map.entry(Phrase.HANDING_OFF, "I'm passing you to a person from our team. They will see our conversation, so you won't need to repeat yourself."),
                    Map.entry(Phrase.HANDING_OFF_NOBODY_ONLINE, "I'm passing you to our team, but nobody is online right now. You can wait, or leave a message and we'll get back to you."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED, "I'm passing you to our team, but we're closed right now: we're back %s. Leave a message and we'll get back to you, or keep asking me anything."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, "I'm passing you to our team, but we're closed right now. Leave a message and we'll get back to you, or keep asking me anything."),
                    Map.entry(Phrase.PLACE_IN_QUEUE, "You are number %d in the queue — about %d min. Write here meanwhile: the person who takes over reads it."),
                    Map.entry(Phrase.AGENT_JOINED, "%s joined the conversation."),
                    Map.entry(Phrase.TRANSFERRED, "%s is taking over your conversation."),
                    Map.entry(Phrase.TRANSFERRED_TO_TEAM, "You're being passed to our %s team, at the front of their queue: they will see everything so far."),
                    Map.entry(Phrase.BACK_TO_BOT, "You're back with the bot. Ask me anything, or ask for a person again at any time."),
                    Map.entry(Phrase.MESSAGE_LEFT, "Thank you, your message has been passed to our team. We'll get back to you as soon as possible."),
                    Map.entry(Phrase.RESOLVED, "This conversation has been closed. Thank you for contacting us!"),
                    Map.entry(Phrase.STOPPED_WAITING, "OK, you're back with the bot. Ask for a person again at any time."),
                    Map.entry(Phrase.AGENT_LOST, "%s was disconnected. You're back at the front of the queue; the next person will see everything so far."),
                    Map.entry(Phrase.VISITOR_LEFT_QUEUE, "The visitor left before an agent was free."),
                    Map.entry(Phrase.NOT_HELPFUL, "Sorry that didn't help. Would you like to talk to a person?"),
                    Map.entry(Phrase.RATED, "Rated %d/5"),
                    Map.entry(Phrase.RATED_WITH_COMMENT, "Rated %d/5: %s"),
                    Map.entry(Phrase.RATE_CONVERSATION, "How would you rate this conversation, from 1 (poor) to 5 (excellent)?")),
            "it", Map.ofEntries(
                    Map.entry(Phrase.NOT_UNDERSTOOD, "Scusa, non ho capito. Puoi dirlo con altre parole? Oppure posso passarti a una persona."),
                    Map.entry(Phrase.DID_YOU_MEAN, "Non sono sicuro di aver capito. Intendevi una di queste?"),
                    Map.entry(Phrase.TALK_TO_PERSON, "Parla con una persona"),
                    Map.entry(Phrase.HANDING_OFF, "Ti passo a una persona del nostro team. Vedrà la nostra conversazione, quindi non dovrai ripetere nulla."),
                    Map.entry(Phrase.HANDING_OFF_NOBODY_ONLINE, "Ti passo al nostro team, ma al momento non c'è nessuno online. Puoi attendere oppure lasciare un messaggio e ti ricontatteremo."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED, "Ti passo al nostro team, ma in questo momento siamo chiusi: torniamo %s. Lascia un messaggio e ti ricontatteremo, oppure continua a chiedere a me."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, "Ti passo al nostro team, ma in questo momento siamo chiusi. Lascia un messaggio e ti ricontatteremo, oppure continua a chiedere a me."),
                    Map.entry(Phrase.PLACE_IN_QUEUE, "Sei il numero %d in coda — circa %d min. Intanto puoi scrivere qui: chi ti risponde lo leggerà."),
                    Map.entry(Phrase.AGENT_JOINED, "%s è entrato nella conversazione."),
                    Map.entry(Phrase.TRANSFERRED, "%s prende in carico la tua conversazione."),
                    Map.entry(Phrase.TRANSFERRED_TO_TEAM, "Ti passiamo al team %s, in cima alla sua coda: vedrà tutta la conversazione."),
                    Map.entry(Phrase.BACK_TO_BOT, "Sei di nuovo con il bot. Chiedimi pure, o chiedi di nuovo una persona quando vuoi."),
                    Map.entry(Phrase.MESSAGE_LEFT, "Grazie, il tuo messaggio è stato inoltrato al nostro team. Ti risponderemo il prima possibile."),
                    Map.entry(Phrase.RESOLVED, "La conversazione è stata chiusa. Grazie per averci contattato!"),
                    Map.entry(Phrase.STOPPED_WAITING, "Va bene, sei di nuovo con il bot. Puoi chiedere una persona quando vuoi."),
                    Map.entry(Phrase.AGENT_LOST, "%s si è disconnesso. Sei di nuovo in cima alla coda; la prossima persona vedrà tutta la conversazione."),
                    Map.entry(Phrase.VISITOR_LEFT_QUEUE, "Il visitatore se n'è andato prima che un operatore fosse libero."),
                    Map.entry(Phrase.NOT_HELPFUL, "Mi dispiace che non ti sia stato utile. Vuoi parlare con una persona?"),
                    Map.entry(Phrase.RATED, "Valutazione %d/5"),
                    Map.entry(Phrase.RATED_WITH_COMMENT, "Valutazione %d/5: %s"),
                    Map.entry(Phrase.RATE_CONVERSATION, "Come valuteresti questa conversazione, da 1 (pessima) a 5 (ottima)?")),
            "lt", Map.ofEntries(
                    Map.entry(Phrase.NOT_UNDERSTOOD, "Atsiprašau, nesupratau. Ar galėtumėte pasakyti kitais žodžiais? Arba galiu sujungti jus su žmogumi."),
                    Map.entry(Phrase.DID_YOU_MEAN, "Nesu tikras, ar supratau. Ar turėjote omenyje vieną iš šių?"),
                    Map.entry(Phrase.TALK_TO_PERSON, "Kalbėti su žmogumi"),
                    Map.entry(Phrase.HANDING_OFF, "Perduodu jus mūsų komandos nariui. Jis matys mūsų pokalbį, todėl nieko kartoti nereikės."),
                    Map.entry(Phrase.HANDING_OFF_NOBODY_ONLINE, "Perduodu jus mūsų komandai, bet šiuo metu niekas neprisijungęs. Galite palaukti arba palikti žinutę – mes su jumis susisieksime."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED, "Perduodu jus mūsų komandai, bet šiuo metu nedirbame: grįšime %s. Palikite žinutę – mes su jumis susisieksime, arba toliau klauskite manęs."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, "Perduodu jus mūsų komandai, bet šiuo metu nedirbame. Palikite žinutę – mes su jumis susisieksime, arba toliau klauskite manęs."),
                    Map.entry(Phrase.PLACE_IN_QUEUE, "Esate %d-as eilėje – apie %d min. Kol laukiate, galite rašyti čia: atsakęs darbuotojas tai perskaitys."),
                    Map.entry(Phrase.AGENT_JOINED, "%s prisijungė prie pokalbio."),
                    Map.entry(Phrase.TRANSFERRED, "Jūsų pokalbį perima %s."),
                    Map.entry(Phrase.TRANSFERRED_TO_TEAM, "Perduodame jus komandai „%s“, jos eilės priekyje: ji matys visą pokalbį."),
                    Map.entry(Phrase.BACK_TO_BOT, "Vėl kalbatės su robotu. Klauskite, arba bet kada vėl paprašykite žmogaus."),
                    Map.entry(Phrase.MESSAGE_LEFT, "Ačiū, jūsų žinutė perduota mūsų komandai. Atsakysime kuo greičiau."),
                    Map.entry(Phrase.RESOLVED, "Pokalbis baigtas. Ačiū, kad kreipėtės!"),
                    Map.entry(Phrase.STOPPED_WAITING, "Gerai, vėl kalbatės su robotu. Žmogaus galite paprašyti bet kada."),
                    Map.entry(Phrase.AGENT_LOST, "%s atsijungė. Vėl esate eilės priekyje; kitas darbuotojas matys visą pokalbį."),
                    Map.entry(Phrase.VISITOR_LEFT_QUEUE, "Lankytojas išėjo, kol dar nė vienas darbuotojas nebuvo laisvas."),
                    Map.entry(Phrase.NOT_HELPFUL, "Atsiprašau, kad tai nepadėjo. Ar norėtumėte pasikalbėti su žmogumi?"),
                    Map.entry(Phrase.RATED, "Įvertinta %d/5"),
                    Map.entry(Phrase.RATED_WITH_COMMENT, "Įvertinta %d/5: %s"),
                    Map.entry(Phrase.RATE_CONVERSATION, "Kaip įvertintumėte šį pokalbį nuo 1 (blogai) iki 5 (puikiai)?")),
            "fa", Map.ofEntries(
                    Map.entry(Phrase.NOT_UNDERSTOOD, "متأسفم، متوجه نشدم. می‌توانید با کلمات دیگری بگویید؟ یا می‌توانم شما را به یک همکار وصل کنم."),
                    Map.entry(Phrase.DID_YOU_MEAN, "مطمئن نیستم درست فهمیده باشم. منظورتان یکی از این‌ها بود؟"),
                    Map.entry(Phrase.TALK_TO_PERSON, "صحبت با یک اپراتور"),
                    Map.entry(Phrase.HANDING_OFF, "شما را به یکی از همکارانمان وصل می‌کنم. او گفتگوی ما را می‌بیند و لازم نیست چیزی را تکرار کنید."),
                    Map.entry(Phrase.HANDING_OFF_NOBODY_ONLINE, "شما را به تیم ما وصل می‌کنم، اما الان کسی آنلاین نیست. می‌توانید منتظر بمانید یا پیامی بگذارید تا با شما تماس بگیریم."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED, "شما را به تیم ما وصل می‌کنم، اما الان ساعت کاری نیست: %s برمی‌گردیم. پیامی بگذارید تا با شما تماس بگیریم، یا هر سؤالی دارید از من بپرسید."),
                    Map.entry(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, "شما را به تیم ما وصل می‌کنم، اما الان ساعت کاری نیست. پیامی بگذارید تا با شما تماس بگیریم، یا هر سؤالی دارید از من بپرسید."),
                    Map.entry(Phrase.PLACE_IN_QUEUE, "شما نفر %d در صف هستید — حدود %d دقیقه. در این فاصله می‌توانید همین‌جا بنویسید: همکار ما آن را می‌خواند."),
                    Map.entry(Phrase.AGENT_JOINED, "%s به گفتگو پیوست."),
                    Map.entry(Phrase.TRANSFERRED, "%s گفتگوی شما را ادامه می‌دهد."),
                    Map.entry(Phrase.TRANSFERRED_TO_TEAM, "گفتگوی شما به تیم %s منتقل می‌شود و در ابتدای صف آن هستید؛ آن‌ها همهٔ گفتگو را می‌بینند."),
                    Map.entry(Phrase.BACK_TO_BOT, "دوباره با ربات صحبت می‌کنید. هر سؤالی دارید بپرسید یا هر وقت خواستید دوباره اپراتور بخواهید."),
                    Map.entry(Phrase.MESSAGE_LEFT, "متشکریم، پیام شما به تیم ما رسید. در اولین فرصت پاسخ می‌دهیم."),
                    Map.entry(Phrase.RESOLVED, "این گفتگو بسته شد. از تماس شما متشکریم!"),
                    Map.entry(Phrase.STOPPED_WAITING, "بسیار خب، دوباره با ربات صحبت می‌کنید. هر وقت خواستید می‌توانید اپراتور بخواهید."),
                    Map.entry(Phrase.AGENT_LOST, "ارتباط %s قطع شد. دوباره در ابتدای صف هستید و همکار بعدی کل گفتگو را می‌بیند."),
                    Map.entry(Phrase.VISITOR_LEFT_QUEUE, "بازدیدکننده پیش از آنکه اپراتوری آزاد شود، گفتگو را ترک کرد."),
                    Map.entry(Phrase.NOT_HELPFUL, "متأسفم که کمکی نکرد. می‌خواهید با یک اپراتور صحبت کنید؟"),
                    Map.entry(Phrase.RATED, "امتیاز %d از 5"),
                    Map.entry(Phrase.RATED_WITH_COMMENT, "امتیاز %d از 5: %s"),
                    Map.entry(Phrase.RATE_CONVERSATION, "به این گفتگو از 1 (ضعیف) تا 5 (عالی) چه امتیازی می‌دهید؟")));

    public String say(Phrase phrase, String language, Object... args) {
        String template = PHRASES.getOrDefault(language, PHRASES.get("en")).get(phrase);
        return args.length == 0 ? template : String.format(template, args);
    }
}
