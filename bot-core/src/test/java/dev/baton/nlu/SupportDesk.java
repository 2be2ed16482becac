package dev.baton.nlu;

import java.util.List;
import java.util.Map;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;

/** A small multilingual FAQ database, like a shop's: English and Italian for all intents, Lithuanian and Persian for most. */
public final class SupportDesk {

    public static final IntentDatabase DATABASE = new IntentDatabase(List.of(
            intent("order_status", Map.of(
                    "en", List.of("where is my order", "track my order", "when will my package arrive",
                            "has my order shipped yet", "I want to know the status of my order",
                            "my parcel has not arrived", "order tracking", "where's my delivery"),
                    "it", List.of("dov'è il mio ordine", "dove si trova il mio pacco", "quando arriva il mio ordine",
                            "voglio sapere lo stato dell'ordine", "il mio pacco non è ancora arrivato",
                            "tracciamento dell'ordine", "il mio ordine è stato spedito?", "a che punto è la mia consegna"),
                    "lt", List.of("kur yra mano užsakymas", "kada atvyks mano siuntinys", "noriu sužinoti užsakymo būseną",
                            "mano siuntinys dar neatvyko", "užsakymo sekimas"),
                    "fa", List.of("سفارش من کجاست", "بسته من کی می‌رسد", "می‌خواهم وضعیت سفارشم را بدانم",
                            "سفارشم هنوز نرسیده است", "پیگیری سفارش"))),
            intent("reset_password", Map.of(
                    "en", List.of("I forgot my password", "how do I reset my password", "can't log in to my account",
                            "change my password", "password reset link", "I can't sign in", "my password doesn't work",
                            "help me recover my account"),
                    "it", List.of("ho dimenticato la password", "come posso reimpostare la password",
                            "non riesco ad accedere al mio account", "cambiare la password",
                            "link per reimpostare la password", "non riesco a fare il login",
                            "la mia password non funziona", "recuperare l'account"),
                    "lt", List.of("pamiršau slaptažodį", "kaip pakeisti slaptažodį", "negaliu prisijungti prie paskyros",
                            "slaptažodžio atkūrimas", "mano slaptažodis neveikia"),
                    "fa", List.of("رمز عبورم را فراموش کرده‌ام", "چگونه رمز عبور را تغییر دهم", "نمی‌توانم وارد حسابم شوم",
                            "بازیابی رمز عبور", "رمز عبورم کار نمی‌کند"))),
            intent("talk_to_human", Map.of(
                    "en", List.of("I want to talk to a person", "can I speak to an agent", "connect me with a human",
                            "real person please", "I need to speak with customer service", "transfer me to an operator",
                            "let me talk to someone", "is there a human I can chat with"),
                    "it", List.of("voglio parlare con una persona", "posso parlare con un operatore",
                            "mettimi in contatto con un umano", "un operatore per favore",
                            "ho bisogno di parlare con l'assistenza clienti", "passami un operatore",
                            "fammi parlare con qualcuno", "c'è una persona con cui posso chattare"),
                    "lt", List.of("noriu kalbėti su žmogumi", "ar galiu pasikalbėti su operatoriumi",
                            "sujunkite mane su konsultantu", "reikia tikro žmogaus", "noriu kalbėti su klientų aptarnavimu"),
                    "fa", List.of("می‌خواهم با یک انسان صحبت کنم", "می‌توانم با اپراتور صحبت کنم", "مرا به پشتیبانی وصل کنید",
                            "یک آدم واقعی لطفا", "می‌خواهم با خدمات مشتریان حرف بزنم"))),
            intent("opening_hours", Map.of(
                    "en", List.of("what are your opening hours", "when are you open", "are you open on sunday",
                            "what time do you close", "opening times", "what time does the store open",
                            "are you open today", "business hours"),
                    "it", List.of("quali sono gli orari di apertura", "quando siete aperti", "siete aperti la domenica",
                            "a che ora chiudete", "orari del negozio", "a che ora apre il negozio", "siete aperti oggi",
                            "orario di lavoro"),
                    "lt", List.of("kokios jūsų darbo valandos", "kada dirbate", "ar dirbate sekmadienį",
                            "kelintą valandą uždarote", "parduotuvės darbo laikas"),
                    "fa", List.of("ساعات کاری شما چیست", "چه زمانی باز هستید", "آیا جمعه‌ها باز هستید",
                            "ساعت چند می‌بندید", "ساعت کاری فروشگاه"))),
            intent("refund", Map.of(
                    "en", List.of("I want a refund", "how do I return an item", "can I get my money back", "return policy",
                            "the product is broken I want to send it back", "refund my purchase",
                            "how long does a refund take", "I want to return my order"),
                    "it", List.of("voglio un rimborso", "come faccio a restituire un articolo", "posso riavere i miei soldi",
                            "politica di reso", "il prodotto è rotto e voglio restituirlo", "rimborsare il mio acquisto",
                            "quanto tempo ci vuole per il rimborso", "voglio fare un reso"),
                    "lt", List.of("noriu grąžinti pinigus", "kaip grąžinti prekę", "ar galiu atgauti pinigus",
                            "grąžinimo taisyklės", "prekė sugedusi, noriu ją grąžinti"),
                    "fa", List.of("می‌خواهم پولم را پس بگیرم", "چگونه کالا را مرجوع کنم", "سیاست بازگشت کالا",
                            "محصول خراب است و می‌خواهم آن را پس بدهم", "بازپرداخت خرید من"))),
            intent("shipping_cost", Map.of(
                    "en", List.of("how much is shipping", "delivery cost", "do you offer free shipping",
                            "shipping fees to italy", "what does delivery cost", "is shipping free over 50 euros",
                            "how much do you charge for delivery", "shipping price"),
                    "it", List.of("quanto costa la spedizione", "costo di consegna", "la spedizione è gratuita",
                            "spese di spedizione per l'italia", "quanto costa la consegna",
                            "spedizione gratis sopra i 50 euro", "quanto fate pagare la consegna",
                            "prezzo della spedizione")))),
            "support-desk-test");

    private SupportDesk() {
    }

    private static Intent intent(String id, Map<String, List<String>> examples) {
        return new Intent(id, Map.of(), examples, Map.of(), List.of(), false);
    }
}
