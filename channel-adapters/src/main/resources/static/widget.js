/*!
 * Baton chat widget — embed with one tag:
 *   <script src="https://HOST/widget.js" data-language="it" data-title="Help" async></script>
 *
 * Data attributes (all optional):
 *   data-language  UI language and language hint for the bot (en, it, lt, fa; else navigator.language)
 *   data-title     the panel's title (default: a localised "Help")
 *   data-accent    the accent colour, any CSS colour (default #4338ca)
 *   data-open      "true" to open the panel as soon as the page loads
 *
 * Speaks the visitor channel of docs/protocol.md over ws(s)://HOST/ws/visitor. Everything renders in an
 * open Shadow DOM so that neither the host page's CSS nor ours leaks across. No dependencies.
 */
(() => {
  'use strict';
  if (window.Baton && window.Baton.__widget) return; // embedded twice: keep the first one

  const script = document.currentScript
    || [...document.querySelectorAll('script[src]')].find(s => /\/widget\.js(\?|#|$)/.test(s.src));
  const scriptUrl = new URL(script ? script.src : '/widget.js', location.href);
  const SOCKET_URL = scriptUrl.origin.replace(/^http/, 'ws') + '/ws/visitor';
  const data = (script && script.dataset) || {};

  const MAX_TEXT = 4000;
  const TYPING_THROTTLE_MS = 2500;
  const AGENT_TYPING_SHOWN_MS = 4000;
  const PING_EVERY_MS = 25000;
  const STORE = 'baton.';

  // ---------------------------------------------------------------- language and strings
  const requestedLanguage = (data.language || navigator.language || 'en').trim();
  const hintLanguage = requestedLanguage.toLowerCase().split(/[-_]/)[0] || 'en';
  const STRINGS = {
    en: {
      title: 'Help', openChat: 'Open chat', closeChat: 'Close chat', close: 'Close',
      teamOnline: 'Our team is online', teamOffline: 'Only our assistant is here right now',
      closedUntil: 'Our team is back {when}; our assistant is here now',
      waitingClosed: 'We are closed right now and back {when}. Leave a message and we will get back to you.',
      placeholder: 'Type your message…', send: 'Send', inputLabel: 'Your message',
      talkToPerson: 'Talk to a person', talkToPersonText: 'I want to talk to a person',
      queue: 'You are number {n} in the queue — about {m} min', queueNoEstimate: 'You are number {n} in the queue',
      waitingNoAgents: 'Nobody is available right now. Leave a message and we will get back to you.',
      waitingForPerson: 'Waiting for a person…',
      leaveMessageInstead: 'Leave a message instead', leaveMessage: 'Leave a message', backToBot: 'Back to the bot',
      withAgent: 'You are chatting with {name}', withAgentUnnamed: 'You are chatting with a person',
      resolved: 'This conversation has ended', newConversation: 'Start a new conversation',
      connecting: 'Connecting…', reconnecting: 'Reconnecting…',
      typing: '{name} is typing…', typingUnnamed: 'Someone is typing…',
      leaveTitle: 'Leave a message', leaveText: 'Your message', leaveContact: 'Email or phone (optional)',
      leaveSend: 'Send message', cancel: 'Cancel',
      leaveThanks: 'Thank you — your message was sent. We will get back to you.',
      tooLong: 'Your message is too long (at most 4,000 characters).', empty: 'Please type a message first.',
      notAllowed: 'That is not possible right now.', genericError: 'Something went wrong. Please try again.',
      unknownConversation: 'This conversation is no longer available.',
      you: 'You', bot: 'Assistant', agent: 'Support',
      charsLeft: '{n} characters left', greeting: 'Hi! How can we help you today?',
      notSent: 'Not sent', unread: '{n} new messages', poweredBy: 'Powered by Baton',
      helpfulQuestion: 'Was this helpful?', helpful: 'Yes, this helped', notHelpful: 'No, this did not help',
      feedbackThanks: 'Thank you for your feedback!',
      surveyQuestion: 'How satisfied are you with the help you got?',
      scores: ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
      surveyComment: 'Anything you would like to add? (optional)', surveySend: 'Send rating',
      surveyPick: 'Please choose a rating first.', surveyThanks: 'Thank you for rating this conversation!',
      commentTooLong: 'Your comment is too long (at most 1,000 characters).',
      privacyAccept: 'Accept and continue', privacyPolicy: 'Privacy policy', consentRequired: 'Please accept the privacy notice first.',
      yourData: 'Your data', downloadData: 'Download my data', eraseData: 'Erase my data',
      eraseConfirm: 'Erase all your conversations and messages with us? This cannot be undone.', eraseYes: 'Erase everything',
      erased: 'Your data was erased.', downloaded: 'Your data was downloaded.',
    },
    it: {
      title: 'Assistenza', openChat: 'Apri la chat', closeChat: 'Chiudi la chat', close: 'Chiudi',
      teamOnline: 'Il nostro team è online', teamOffline: 'Al momento c\'è solo il nostro assistente virtuale',
      closedUntil: 'Il nostro team torna {when}; ora c\'è il nostro assistente',
      waitingClosed: 'In questo momento siamo chiusi e torniamo {when}. Lasciaci un messaggio e ti ricontatteremo.',
      placeholder: 'Scrivi un messaggio…', send: 'Invia', inputLabel: 'Il tuo messaggio',
      talkToPerson: 'Parla con una persona', talkToPersonText: 'Voglio parlare con una persona',
      queue: 'Sei il numero {n} in coda — circa {m} min', queueNoEstimate: 'Sei il numero {n} in coda',
      waitingNoAgents: 'Al momento non c\'è nessuno disponibile. Lasciaci un messaggio e ti ricontatteremo.',
      waitingForPerson: 'In attesa di una persona…',
      leaveMessageInstead: 'Lascia invece un messaggio', leaveMessage: 'Lascia un messaggio', backToBot: 'Torna all\'assistente virtuale',
      withAgent: 'Stai parlando con {name}', withAgentUnnamed: 'Stai parlando con una persona',
      resolved: 'La conversazione è terminata', newConversation: 'Inizia una nuova conversazione',
      connecting: 'Connessione…', reconnecting: 'Riconnessione…',
      typing: '{name} sta scrivendo…', typingUnnamed: 'Qualcuno sta scrivendo…',
      leaveTitle: 'Lascia un messaggio', leaveText: 'Il tuo messaggio', leaveContact: 'Email o telefono (facoltativo)',
      leaveSend: 'Invia messaggio', cancel: 'Annulla',
      leaveThanks: 'Grazie, il tuo messaggio è stato inviato. Ti ricontatteremo.',
      tooLong: 'Il messaggio è troppo lungo (al massimo 4.000 caratteri).', empty: 'Scrivi prima un messaggio.',
      notAllowed: 'Non è possibile in questo momento.', genericError: 'Qualcosa è andato storto. Riprova.',
      unknownConversation: 'Questa conversazione non è più disponibile.',
      you: 'Tu', bot: 'Assistente', agent: 'Assistenza',
      charsLeft: '{n} caratteri rimasti', greeting: 'Ciao! Come possiamo aiutarti?',
      notSent: 'Non inviato', unread: '{n} nuovi messaggi', poweredBy: 'Realizzato con Baton',
      helpfulQuestion: 'Ti è stato utile?', helpful: 'Sì, mi è stato utile', notHelpful: 'No, non mi è stato utile',
      feedbackThanks: 'Grazie per il tuo riscontro!',
      surveyQuestion: 'Quanto sei soddisfatto dell\'aiuto ricevuto?',
      scores: ['Per niente soddisfatto', 'Poco soddisfatto', 'Né soddisfatto né insoddisfatto', 'Soddisfatto', 'Molto soddisfatto'],
      surveyComment: 'Vuoi aggiungere qualcosa? (facoltativo)', surveySend: 'Invia valutazione',
      surveyPick: 'Scegli prima una valutazione.', surveyThanks: 'Grazie per aver valutato questa conversazione!',
      commentTooLong: 'Il commento è troppo lungo (al massimo 1.000 caratteri).',
      privacyAccept: 'Accetta e continua', privacyPolicy: 'Informativa sulla privacy', consentRequired: 'Accetta prima l’informativa sulla privacy.',
      yourData: 'I tuoi dati', downloadData: 'Scarica i miei dati', eraseData: 'Cancella i miei dati',
      eraseConfirm: 'Cancellare tutte le tue conversazioni e i tuoi messaggi? Non si potrà annullare.', eraseYes: 'Cancella tutto',
      erased: 'I tuoi dati sono stati cancellati.', downloaded: 'I tuoi dati sono stati scaricati.',
    },
    lt: {
      title: 'Pagalba', openChat: 'Atidaryti pokalbį', closeChat: 'Uždaryti pokalbį', close: 'Uždaryti',
      teamOnline: 'Mūsų komanda prisijungusi', teamOffline: 'Šiuo metu atsako tik asistentas',
      closedUntil: 'Mūsų komanda grįš {when}; dabar atsako asistentas',
      waitingClosed: 'Šiuo metu nedirbame, grįšime {when}. Palikite žinutę ir mes su jumis susisieksime.',
      placeholder: 'Parašykite žinutę…', send: 'Siųsti', inputLabel: 'Jūsų žinutė',
      talkToPerson: 'Kalbėti su žmogumi', talkToPersonText: 'Noriu kalbėti su žmogumi',
      queue: 'Jūsų vieta eilėje: {n} — apie {m} min.', queueNoEstimate: 'Jūsų vieta eilėje: {n}',
      waitingNoAgents: 'Šiuo metu nėra laisvų konsultantų. Palikite žinutę ir mes su jumis susisieksime.',
      waitingForPerson: 'Laukiama konsultanto…',
      leaveMessageInstead: 'Verčiau palikti žinutę', leaveMessage: 'Palikti žinutę', backToBot: 'Grįžti prie pokalbių roboto',
      withAgent: 'Jus aptarnauja {name}', withAgentUnnamed: 'Jus aptarnauja konsultantas',
      resolved: 'Pokalbis baigtas', newConversation: 'Pradėti naują pokalbį',
      connecting: 'Jungiamasi…', reconnecting: 'Jungiamasi iš naujo…',
      typing: '{name} rašo…', typingUnnamed: 'Konsultantas rašo…',
      leaveTitle: 'Palikti žinutę', leaveText: 'Jūsų žinutė', leaveContact: 'El. paštas arba telefonas (neprivaloma)',
      leaveSend: 'Siųsti žinutę', cancel: 'Atšaukti',
      leaveThanks: 'Ačiū, jūsų žinutė išsiųsta. Mes su jumis susisieksime.',
      tooLong: 'Žinutė per ilga (daugiausia 4 000 simbolių).', empty: 'Pirmiausia parašykite žinutę.',
      notAllowed: 'Šiuo metu to padaryti negalima.', genericError: 'Kažkas nepavyko. Bandykite dar kartą.',
      unknownConversation: 'Šis pokalbis nebepasiekiamas.',
      you: 'Jūs', bot: 'Asistentas', agent: 'Konsultantas',
      charsLeft: 'Liko simbolių: {n}', greeting: 'Sveiki! Kuo galime padėti?',
      notSent: 'Neišsiųsta', unread: 'Naujų žinučių: {n}', poweredBy: 'Veikia su Baton',
      helpfulQuestion: 'Ar tai padėjo?', helpful: 'Taip, padėjo', notHelpful: 'Ne, nepadėjo',
      feedbackThanks: 'Ačiū už atsiliepimą!',
      surveyQuestion: 'Ar esate patenkinti gauta pagalba?',
      scores: ['Visiškai nepatenkintas', 'Nepatenkintas', 'Nei patenkintas, nei nepatenkintas', 'Patenkintas', 'Labai patenkintas'],
      surveyComment: 'Ar norėtumėte ką nors pridurti? (neprivaloma)', surveySend: 'Siųsti įvertinimą',
      surveyPick: 'Pirmiausia pasirinkite įvertinimą.', surveyThanks: 'Ačiū, kad įvertinote šį pokalbį!',
      commentTooLong: 'Komentaras per ilgas (daugiausia 1 000 simbolių).',
      privacyAccept: 'Sutinku ir tęsiu', privacyPolicy: 'Privatumo politika', consentRequired: 'Pirmiausia sutikite su privatumo pranešimu.',
      yourData: 'Jūsų duomenys', downloadData: 'Atsisiųsti mano duomenis', eraseData: 'Ištrinti mano duomenis',
      eraseConfirm: 'Ištrinti visus jūsų pokalbius ir žinutes? To nebus galima atšaukti.', eraseYes: 'Ištrinti viską',
      erased: 'Jūsų duomenys ištrinti.', downloaded: 'Jūsų duomenys atsisiųsti.',
    },
    fa: {
      title: 'پشتیبانی', openChat: 'باز کردن گفتگو', closeChat: 'بستن گفتگو', close: 'بستن',
      teamOnline: 'تیم ما آنلاین است', teamOffline: 'در حال حاضر فقط دستیار ما پاسخ می‌دهد',
      closedUntil: 'تیم ما {when} برمی‌گردد؛ الان دستیار ما پاسخ می‌دهد',
      waitingClosed: 'الان ساعت کاری نیست و {when} برمی‌گردیم. پیامی بگذارید تا با شما تماس بگیریم.',
      placeholder: 'پیام خود را بنویسید…', send: 'ارسال', inputLabel: 'پیام شما',
      talkToPerson: 'گفتگو با یک شخص', talkToPersonText: 'می‌خواهم با یک شخص صحبت کنم',
      queue: 'شما نفر {n} در صف هستید — حدود {m} دقیقه', queueNoEstimate: 'شما نفر {n} در صف هستید',
      waitingNoAgents: 'در حال حاضر کسی در دسترس نیست. پیام بگذارید تا با شما تماس بگیریم.',
      waitingForPerson: 'در انتظار یک پشتیبان…',
      leaveMessageInstead: 'به جای آن پیام بگذارید', leaveMessage: 'پیام بگذارید', backToBot: 'بازگشت به ربات',
      withAgent: 'شما با {name} در حال گفتگو هستید', withAgentUnnamed: 'شما با یک پشتیبان در حال گفتگو هستید',
      resolved: 'این گفتگو به پایان رسید', newConversation: 'شروع گفتگوی جدید',
      connecting: 'در حال اتصال…', reconnecting: 'در حال اتصال دوباره…',
      typing: '{name} در حال نوشتن است…', typingUnnamed: 'پشتیبان در حال نوشتن است…',
      leaveTitle: 'پیام بگذارید', leaveText: 'پیام شما', leaveContact: 'ایمیل یا تلفن (اختیاری)',
      leaveSend: 'ارسال پیام', cancel: 'انصراف',
      leaveThanks: 'سپاس! پیام شما ارسال شد. با شما تماس خواهیم گرفت.',
      tooLong: 'پیام شما خیلی طولانی است (حداکثر ۴٬۰۰۰ نویسه).', empty: 'لطفاً ابتدا پیامی بنویسید.',
      notAllowed: 'این کار اکنون ممکن نیست.', genericError: 'مشکلی پیش آمد. لطفاً دوباره تلاش کنید.',
      unknownConversation: 'این گفتگو دیگر در دسترس نیست.',
      you: 'شما', bot: 'دستیار', agent: 'پشتیبان',
      charsLeft: '{n} نویسه باقی مانده', greeting: 'سلام! چطور می‌توانیم کمکتان کنیم؟',
      notSent: 'ارسال نشد', unread: '{n} پیام تازه', poweredBy: 'با قدرت Baton',
      helpfulQuestion: 'آیا این پاسخ مفید بود؟', helpful: 'بله، مفید بود', notHelpful: 'نه، مفید نبود',
      feedbackThanks: 'از بازخورد شما سپاسگزاریم!',
      surveyQuestion: 'چقدر از کمکی که دریافت کردید راضی هستید؟',
      scores: ['بسیار ناراضی', 'ناراضی', 'نه راضی نه ناراضی', 'راضی', 'بسیار راضی'],
      surveyComment: 'چیزی می‌خواهید اضافه کنید؟ (اختیاری)', surveySend: 'ارسال امتیاز',
      surveyPick: 'لطفاً ابتدا یک امتیاز انتخاب کنید.', surveyThanks: 'از اینکه به این گفتگو امتیاز دادید سپاسگزاریم!',
      commentTooLong: 'توضیح شما خیلی طولانی است (حداکثر ۱٬۰۰۰ نویسه).',
      privacyAccept: 'می‌پذیرم و ادامه می‌دهم', privacyPolicy: 'سیاست حریم خصوصی', consentRequired: 'لطفاً ابتدا اطلاعیهٔ حریم خصوصی را بپذیرید.',
      yourData: 'داده‌های شما', downloadData: 'دریافت داده‌های من', eraseData: 'پاک کردن داده‌های من',
      eraseConfirm: 'همهٔ گفتگوها و پیام‌های شما با ما پاک شود؟ این کار بازگشت‌پذیر نیست.', eraseYes: 'همه را پاک کن',
      erased: 'داده‌های شما پاک شد.', downloaded: 'داده‌های شما دریافت شد.',
    },
  };
  const uiLanguage = ({ pes: 'fa', per: 'fa', fas: 'fa', ita: 'it', lit: 'lt', eng: 'en' })[hintLanguage]
    || (STRINGS[hintLanguage] ? hintLanguage : 'en');
  const strings = STRINGS[uiLanguage];
  const RTL = uiLanguage === 'fa';
  const numberFormat = new Intl.NumberFormat(uiLanguage);
  const timeFormat = new Intl.DateTimeFormat(uiLanguage, { hour: '2-digit', minute: '2-digit' });
  const t = (key, params = {}) => strings[key].replace(/\{(\w+)\}/g, (_, name) =>
    typeof params[name] === 'number' ? numberFormat.format(params[name]) : String(params[name] ?? ''));
  const title = (data.title || '').trim() || strings.title;
  /** When the team is back, in the visitor's own language and clock: "Tuesday 09:00". */
  const whenBack = (iso) => new Intl.DateTimeFormat(uiLanguage, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  /** Out of business hours until then; past it (a page left open overnight), no longer. */
  const closed = () => state.closedUntil != null && new Date(state.closedUntil).getTime() > Date.now();

  // ---------------------------------------------------------------- storage (never fatal: private modes throw)
  const store = {
    get(key) { try { return localStorage.getItem(STORE + key); } catch { return null; } },
    set(key, value) {
      try { value == null ? localStorage.removeItem(STORE + key) : localStorage.setItem(STORE + key, String(value)); } catch { /* ignore */ }
    },
  };
  const randomHex = (bytes) => [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map(b => b.toString(16).padStart(2, '0')).join('');
  let visitorId = store.get('visitorId');
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(visitorId || '')) {
    visitorId = 'v-' + randomHex(12);
    store.set('visitorId', visitorId);
  }

  // ---------------------------------------------------------------- state
  const state = {
    conversationId: store.get('conversationId'),
    conversationState: null,      // BOT | WAITING_FOR_AGENT | WITH_AGENT | RESOLVED
    queue: null,
    agentName: null,
    agentsOnline: null,           // as of the last welcome or state frame; null until the first
    closedUntil: null,            // out of business hours: when the team is back (ISO 8601), as of the last such frame
    messages: new Map(),          // id -> message (server truth)
    pending: new Map(),           // clientMessageId -> {text, payload, sent}
    lastRenderedId: 0,
    seenId: Number(store.get('lastSeenId')) || 0,  // what the visitor has actually seen (for the unread badge)
    open: false,
    leaveFormOpen: false,
    notice: null,                 // the leave-message thank-you note
    afterWelcome: [],             // actions waiting for the next welcome (e.g. "talk to a person" after new_conversation)
    ratings: {},                  // answer id -> true/false: what the visitor said helped (kept per conversation)
    survey: null,                 // after an agent resolved it: 'ask', 'sending' (the rating is on its way) or 'thanks'
    privacyNotice: null,          // the notice to accept before writing ({version, text, link}), while it waits
    confirmingErase: false,       // the visitor asked to erase their data and is asked to confirm
  };

  // ---------------------------------------------------------------- DOM
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value == null || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child != null) node.append(child);
    return node;
  };
  const svg = (paths, size = 20) => {
    const wrap = document.createElement('span');
    wrap.className = 'icon';
    wrap.setAttribute('aria-hidden', 'true');
    wrap.innerHTML = `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
    return wrap;
  };
  const ICON_CHAT = '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/>';
  const ICON_CLOSE = '<path d="M6 6l12 12M18 6L6 18"/>';
  const ICON_SEND = '<path d="M4 12l16-8-6 16-2.5-6.5z"/>';
  const ICON_PERSON = '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>';
  const ICON_THUMB_UP = '<path d="M7 10v11H3V10h4zM7 10l4-8a3 3 0 0 1 3 3v4h6a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.6 21H7"/>';
  const ICON_THUMB_DOWN = '<path d="M17 14V3h4v11h-4zM17 14l-4 8a3 3 0 0 1-3-3v-4H4a2 2 0 0 1-2-2.3l1.4-8A2 2 0 0 1 5.4 3H17"/>';

  const host = el('div', { id: 'baton-widget', 'data-testid': 'baton-widget' });
  const root = host.attachShadow({ mode: 'open' });
  const accent = (data.accent || '').trim();
  // A constructed style sheet is not an inline style: a host page whose Content-Security-Policy has no
  // 'unsafe-inline' in style-src blocks a <style> element, even inside our shadow root, but not this. Browsers
  // without constructed sheets (Safari before 16.4) get the element, and need 'unsafe-inline' (README).
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css(accent));
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', { text: css(accent) }));
  }

  const badge = el('span', { class: 'badge', 'data-testid': 'baton-unread', hidden: true });
  const launcher = el('button', {
    class: 'launcher', type: 'button', 'data-testid': 'baton-launcher',
    'aria-label': t('openChat'), 'aria-expanded': 'false', 'aria-controls': 'baton-panel',
    onclick: () => (state.open ? close() : open()),
  }, svg(ICON_CHAT, 26), badge);

  const connection = el('span', { class: 'connection', 'data-testid': 'baton-connection', role: 'status' });
  const talkButton = el('button', {
    class: 'talk', type: 'button', 'data-testid': 'baton-talk-to-person', onclick: () => talkToPerson(),
  }, svg(ICON_PERSON, 16), el('span', { text: t('talkToPerson') }));
  const closeButton = el('button', {
    class: 'icon-button', type: 'button', 'aria-label': t('close'), 'data-testid': 'baton-close', onclick: () => close(),
  }, svg(ICON_CLOSE, 18));
  const header = el('header', { class: 'header' },
    el('div', { class: 'header-row' }, el('h2', { id: 'baton-title', dir: 'auto', title, text: title }), talkButton, closeButton),
    el('p', { class: 'subtitle' }, el('span', { class: 'dot', 'aria-hidden': 'true' }), connection));

  const banner = el('div', { class: 'banner', 'data-testid': 'baton-banner', role: 'status', hidden: true });
  const leaveForm = buildLeaveForm();
  const survey = buildSurvey();
  const log = el('div', {
    class: 'log', 'data-testid': 'baton-messages', role: 'log', 'aria-live': 'polite',
    'aria-relevant': 'additions', 'aria-labelledby': 'baton-title', tabindex: '0',
  });
  const typingRow = el('div', { class: 'typing', 'data-testid': 'baton-typing', hidden: true, 'aria-live': 'polite' },
    el('span', { class: 'dots', 'aria-hidden': 'true' }, el('i'), el('i'), el('i')), el('span', { class: 'typing-text' }));
  const errorBox = el('div', { class: 'error', 'data-testid': 'baton-error', role: 'alert', hidden: true });
  const input = el('textarea', {
    class: 'input', 'data-testid': 'baton-input', dir: 'auto', rows: '1', maxlength: String(MAX_TEXT),
    placeholder: t('placeholder'), 'aria-label': t('inputLabel'),
  });
  const counter = el('span', { class: 'counter', 'data-testid': 'baton-counter', 'aria-live': 'polite', hidden: true });
  const sendButton = el('button', {
    class: 'send', type: 'submit', 'data-testid': 'baton-send', 'aria-label': t('send'), title: t('send'),
  }, svg(ICON_SEND, 20));
  const composer = el('form', { class: 'composer', 'data-testid': 'baton-composer' }, input, sendButton);
  // A resolved conversation stays readable, with no input box: the way on is a new conversation.
  const newConversationButton = el('button', {
    type: 'button', class: 'primary', 'data-testid': 'baton-new-conversation', text: t('newConversation'), onclick: () => newConversation(),
  });
  const ended = el('div', { class: 'ended', 'data-testid': 'baton-ended', role: 'status', hidden: true },
    el('p', { 'data-testid': 'baton-resolved', text: t('resolved') }), newConversationButton);
  const privacyNotice = el('div', { class: 'privacy-notice', 'data-testid': 'baton-privacy-notice', role: 'region',
    'aria-label': t('privacyPolicy'), hidden: true });
  const eraseConfirm = el('div', { class: 'erase-confirm', 'data-testid': 'baton-erase-confirm', role: 'alertdialog',
    'aria-labelledby': 'baton-erase-question', hidden: true },
  el('p', { id: 'baton-erase-question', text: t('eraseConfirm') }),
  el('div', { class: 'row' },
    el('button', { type: 'button', class: 'danger', 'data-testid': 'baton-erase-yes', text: t('eraseYes'), onclick: () => eraseMyData() }),
    el('button', { type: 'button', class: 'link', 'data-testid': 'baton-erase-cancel', text: t('cancel'), onclick: () => confirmErase(false) })));
  const dataMenu = el('nav', { class: 'data-menu', 'aria-label': t('yourData') },
    el('button', { type: 'button', class: 'link', 'data-testid': 'baton-download-data', text: t('downloadData'), onclick: () => downloadMyData() }),
    el('button', { type: 'button', class: 'link', 'data-testid': 'baton-erase-data', text: t('eraseData'), onclick: () => confirmErase(true) }));
  const footer = el('div', { class: 'footer' }, counter, dataMenu, el('span', { class: 'powered', text: t('poweredBy') }));

  const panel = el('section', {
    id: 'baton-panel', class: 'panel', 'data-testid': 'baton-panel', role: 'dialog',
    'aria-labelledby': 'baton-title', dir: RTL ? 'rtl' : 'ltr', lang: uiLanguage, hidden: true,
  }, header, banner, leaveForm, log, typingRow, errorBox, privacyNotice, eraseConfirm, composer, survey, ended, footer);

  root.append(panel, launcher);

  function buildLeaveForm() {
    const text = el('textarea', {
      id: 'baton-leave-text', dir: 'auto', rows: '3', maxlength: String(MAX_TEXT), required: true,
      'data-testid': 'baton-leave-text',
    });
    const contact = el('input', {
      id: 'baton-leave-contact', dir: 'auto', type: 'text', autocomplete: 'email', maxlength: '200',
      'data-testid': 'baton-leave-contact',
    });
    const form = el('form', { class: 'leave', 'data-testid': 'baton-leave-form', hidden: true, 'aria-labelledby': 'baton-leave-title' },
      el('h3', { id: 'baton-leave-title', text: t('leaveTitle') }),
      el('label', { for: 'baton-leave-text', text: t('leaveText') }), text,
      el('label', { for: 'baton-leave-contact', text: t('leaveContact') }), contact,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'secondary', text: t('cancel'), onclick: () => toggleLeaveForm(false) }),
        el('button', { type: 'submit', class: 'primary', 'data-testid': 'baton-leave-send', text: t('leaveSend') })));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = text.value.trim();
      if (!body) { showError(t('empty')); text.focus(); return; }
      const frame = { type: 'leave_message', text: body };
      if (contact.value.trim()) frame.contact = contact.value.trim();
      send(frame);
      text.value = '';
      contact.value = '';
      state.notice = t('leaveThanks');
      toggleLeaveForm(false);
    });
    form.text = text;
    return form;
  }

  /**
   * How satisfied the visitor was, once an agent resolved the conversation: five native radio buttons (arrow keys move
   * between them, Space picks one, Enter sends, as in any form), an optional comment, and a thank-you once kept.
   */
  function buildSurvey() {
    const choices = strings.scores.map((label, i) => {
      const score = i + 1;
      return el('label', { class: 'score', title: label },
        el('input', { type: 'radio', name: 'baton-score', value: String(score), 'aria-label': `${numberFormat.format(score)} – ${label}`,
          'data-testid': `baton-score-${score}` }),
        el('span', { 'aria-hidden': 'true', text: numberFormat.format(score) }));
    });
    const comment = el('textarea', {
      id: 'baton-survey-comment', dir: 'auto', rows: '2', maxlength: '1000', 'data-testid': 'baton-survey-comment',
    });
    const thanks = el('p', { class: 'survey-thanks', 'data-testid': 'baton-survey-thanks', role: 'status' });
    const fields = el('div', { class: 'survey-fields' },
      el('fieldset', { class: 'scores' },
        el('legend', { id: 'baton-survey-question', dir: 'auto', text: t('surveyQuestion') }),
        el('div', { class: 'score-row' }, choices),
        el('div', { class: 'score-ends', 'aria-hidden': 'true' },
          el('span', { dir: 'auto', text: strings.scores[0] }), el('span', { dir: 'auto', text: strings.scores[4] }))),
      el('label', { for: 'baton-survey-comment', text: t('surveyComment') }), comment,
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', 'data-testid': 'baton-survey-send', text: t('surveySend') })));
    const form = el('form', { class: 'survey', 'data-testid': 'baton-survey', hidden: true, 'aria-labelledby': 'baton-survey-question' },
      fields, thanks);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const picked = form.querySelector('input[name="baton-score"]:checked');
      if (!picked) { showError(t('surveyPick')); form.querySelector('input[name="baton-score"]').focus(); return; }
      const frame = { type: 'rate_conversation', score: Number(picked.value) };
      if (comment.value.trim()) frame.comment = comment.value.trim();
      if (state.survey === 'sending') return;
      state.survey = 'sending';
      send(frame);
    });
    form.fields = fields;
    form.thanks = thanks;
    return form;
  }

  /** @param focusWasIn where the keyboard was before this change, which may have hidden it: a part of the panel or null */
  function renderSurvey(focusWasIn = keyboardIn()) {
    const asking = state.conversationState === 'RESOLVED' && state.survey != null;
    survey.hidden = !asking;
    survey.fields.hidden = state.survey === 'thanks';
    survey.thanks.textContent = state.survey === 'thanks' ? t('surveyThanks') : '';
    survey.thanks.hidden = state.survey !== 'thanks';
    if (!asking) return;
    // What the visitor was typing in just gave way to the survey (or the survey to its thanks): keep the keyboard in
    // the panel rather than dropping it on the page.
    if (state.survey === 'ask' && focusWasIn === composer) survey.querySelector('input[name="baton-score"]').focus();
    if (state.survey === 'thanks' && focusWasIn === survey) newConversationButton.focus();
  }

  function keyboardIn() {
    return [composer, survey].find(part => part.contains(root.activeElement)) || null;
  }

  /**
   * Asks (or stops asking) for a rating. A survey already under way keeps what the visitor picked and wrote (a
   * reconnect asks again); any other starts afresh, since another conversation may have been rated in it before.
   */
  function resetSurvey(ask) {
    const underWay = state.survey === 'ask' || state.survey === 'sending';
    if (!(ask && underWay)) survey.reset();
    state.survey = ask ? 'ask' : null;
  }

  // ---------------------------------------------------------------- rendering
  function renderAll() {
    log.replaceChildren();
    state.lastRenderedId = 0;
    const ordered = [...state.messages.values()].sort((a, b) => a.id - b.id);
    if (ordered.length === 0 && state.pending.size === 0) {
      log.append(el('p', { class: 'greeting', 'data-testid': 'baton-greeting', dir: 'auto', text: t('greeting') }));
    }
    ordered.forEach(appendMessage);
    for (const [clientMessageId, p] of state.pending) log.append(pendingBubble(clientMessageId, p));
    renderQuickReplies();
    scrollToEnd();
  }

  function senderLabel(m) {
    if (m.from === 'agent') return m.agentName || t('agent');
    if (m.from === 'bot') return t('bot');
    return null;
  }

  function appendMessage(m) {
    const greeting = log.querySelector('.greeting');
    if (greeting) greeting.remove();
    const previous = state.messages.get(m.id - 1);
    const showName = m.from === 'agent' || (m.from === 'bot' && (!previous || previous.from !== 'bot'));
    const row = el('div', {
      class: `msg from-${m.from}`, 'data-testid': 'baton-message', 'data-from': m.from, 'data-id': String(m.id),
    });
    if (m.from === 'system') {
      row.append(el('p', { class: 'system-text', dir: 'auto', text: m.text }));
    } else {
      if (showName && senderLabel(m)) row.append(el('span', { class: 'name', 'data-testid': 'baton-sender', dir: 'auto', text: senderLabel(m) }));
      row.append(el('div', { class: 'bubble', 'data-testid': 'baton-bubble', dir: 'auto', text: m.text }));
      if (m.from === 'bot' && m.intent) row.append(ratingBox(m.id));
      const at = m.at ? new Date(m.at) : null;
      if (at && !isNaN(at)) row.append(el('time', { class: 'time', datetime: m.at, text: timeFormat.format(at) }));
    }
    // Pending bubbles stay last; a confirmed message goes before them.
    const firstPending = log.querySelector('.msg.pending');
    log.insertBefore(row, firstPending);
    state.lastRenderedId = Math.max(state.lastRenderedId, m.id);
  }

  /** "Was this helpful?" under each of the bot's answers: two buttons, then a thank-you once the server kept it. */
  function ratingBox(messageId) {
    const box = el('div', { class: 'rating', 'data-testid': 'baton-rating', role: 'group', 'aria-label': t('helpfulQuestion') });
    box.dataset.messageId = String(messageId);
    renderRating(box);
    return box;
  }

  function renderRating(box) {
    const messageId = Number(box.dataset.messageId);
    const rated = state.ratings[messageId];
    const button = (helpful) => el('button', {
      type: 'button', class: 'thumb', 'data-testid': helpful ? 'baton-helpful' : 'baton-not-helpful',
      'aria-label': t(helpful ? 'helpful' : 'notHelpful'), title: t(helpful ? 'helpful' : 'notHelpful'),
      // Not disabled once rated: a disabled button drops the keyboard focus, and its pressed state would go unheard.
      'aria-pressed': rated === helpful ? 'true' : 'false', 'aria-disabled': rated !== undefined ? 'true' : null,
      onclick: () => rate(messageId, helpful),
    }, svg(helpful ? ICON_THUMB_UP : ICON_THUMB_DOWN, 16));
    box.replaceChildren(
      el('span', { class: 'rating-text', 'data-testid': 'baton-rating-text', role: 'status',
        text: rated === undefined ? t('helpfulQuestion') : t('feedbackThanks') }),
      button(true), button(false));
  }

  function rate(messageId, helpful) {
    if (state.ratings[messageId] !== undefined) return;
    send({ type: 'feedback', messageId, helpful });
  }

  /** The server kept the rating (or had one already): remember it for this conversation and show it. */
  function rated(messageId, helpful) {
    state.ratings[messageId] = helpful;
    store.set(`ratings.${state.conversationId}`, JSON.stringify(state.ratings));
    const box = log.querySelector(`.rating[data-message-id="${messageId}"]`);
    if (box) {
      const hadFocus = box.contains(root.activeElement);
      renderRating(box);
      if (hadFocus) box.querySelector('[aria-pressed="true"]').focus();
    }
  }

  function pendingBubble(clientMessageId, p) {
    return el('div', { class: 'msg from-visitor pending', 'data-testid': 'baton-message', 'data-from': 'visitor', 'data-pending': clientMessageId },
      el('div', { class: 'bubble', dir: 'auto', text: p.text }));
  }

  function renderQuickReplies() {
    log.querySelectorAll('.quick-replies').forEach(n => n.remove());
    const last = [...state.messages.values()].sort((a, b) => b.id - a.id)[0];
    if (!last || !last.quickReplies || last.quickReplies.length === 0) return;
    if (state.conversationState && state.conversationState !== 'BOT') return;
    if (state.pending.size > 0) return;
    const box = el('div', { class: 'quick-replies', 'data-testid': 'baton-quick-replies', role: 'group' },
      last.quickReplies.map(q => el('button', {
        type: 'button', class: 'quick', dir: 'auto', 'data-testid': 'baton-quick-reply', 'data-payload': q.payload || '',
        text: q.label, onclick: () => sendMessage(q.label, q.payload),
      })));
    log.append(box);
  }

  function renderState() {
    const focusWasIn = keyboardIn();
    const s = state.conversationState;
    panel.dataset.state = s || 'CONNECTING';
    banner.replaceChildren();
    banner.className = 'banner';
    let show = true;
    if (s === 'WAITING_FOR_AGENT') {
      const q = state.queue || {};
      // One message per situation: with nobody online a place in the queue promises nothing.
      const nobody = (q.agentsOnline ?? state.agentsOnline) === 0;
      banner.classList.add(nobody ? 'banner-warning' : 'banner-waiting');
      banner.append(nobody
        ? el('p', { 'data-testid': 'baton-no-agents',
          text: closed() ? t('waitingClosed', { when: whenBack(state.closedUntil) }) : t('waitingNoAgents') })
        : el('p', {
          class: 'queue', 'data-testid': 'baton-queue-position',
          text: q.position == null ? t('waitingForPerson')
            : q.estimatedWaitSeconds == null ? t('queueNoEstimate', { n: q.position })
              : t('queue', { n: q.position, m: Math.max(1, Math.ceil(q.estimatedWaitSeconds / 60)) }),
        }),
        el('div', { class: 'row' },
          el('button', {
            type: 'button', class: nobody ? 'primary' : 'secondary', 'data-testid': 'baton-leave-message',
            text: nobody ? t('leaveMessage') : t('leaveMessageInstead'), onclick: () => toggleLeaveForm(true),
          }),
          el('button', { type: 'button', class: 'link', 'data-testid': 'baton-stop-waiting', text: t('backToBot'), onclick: () => send({ type: 'stop_waiting' }) })));
    } else if (s === 'WITH_AGENT') {
      banner.classList.add('banner-agent');
      banner.append(el('p', {
        'data-testid': 'baton-with-agent', dir: 'auto',
        text: state.agentName ? t('withAgent', { name: state.agentName }) : t('withAgentUnnamed'),
      }));
    } else if (state.notice) {
      banner.classList.add('banner-agent');
      banner.append(el('p', { 'data-testid': 'baton-notice', text: state.notice }));
    } else {
      show = false;
    }
    banner.hidden = !show;
    if (s !== 'WAITING_FOR_AGENT' && state.leaveFormOpen) toggleLeaveForm(false, true);
    const busyWithPerson = s === 'WAITING_FOR_AGENT' || s === 'WITH_AGENT';
    talkButton.hidden = busyWithPerson;
    const isEnded = s === 'RESOLVED';
    composer.hidden = isEnded || state.privacyNotice != null;
    renderPrivacyNotice();
    ended.hidden = !isEnded;
    if (isEnded) counter.hidden = true;
    if (s !== 'WITH_AGENT') hideTyping();
    renderQuickReplies();
    renderSurvey(focusWasIn);
  }

  let connectionStatus = 'connecting';
  /** The header's dot is green only while an agent is online; the line beside it says who is there. */
  function renderConnection(status = connectionStatus) {
    connectionStatus = status;
    panel.dataset.connection = status;
    const teamOnline = state.agentsOnline > 0;
    panel.dataset.agentsOnline = state.agentsOnline == null ? '' : String(state.agentsOnline);
    connection.textContent = status === 'open'
      ? (teamOnline ? t('teamOnline') : closed() ? t('closedUntil', { when: whenBack(state.closedUntil) }) : t('teamOffline'))
      : status === 'reconnecting' ? t('reconnecting') : t('connecting');
    header.classList.toggle('offline', status !== 'open');
    header.classList.toggle('team-offline', status === 'open' && !teamOnline);
  }

  function toggleLeaveForm(show, silent) {
    state.leaveFormOpen = show;
    leaveForm.hidden = !show;
    if (show) {
      leaveForm.text.value = leaveForm.text.value || input.value.trim();
      leaveForm.text.focus();
    } else if (!silent && state.open) {
      input.focus();
    }
  }

  let errorTimer;
  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => { errorBox.hidden = true; }, 7000);
  }

  let typingTimer;
  function showTyping() {
    typingRow.querySelector('.typing-text').textContent =
      state.agentName ? t('typing', { name: state.agentName }) : t('typingUnnamed');
    typingRow.hidden = false;
    scrollToEnd();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, AGENT_TYPING_SHOWN_MS);
  }
  function hideTyping() {
    clearTimeout(typingTimer);
    typingRow.hidden = true;
  }

  // Stay pinned to the newest message while the visitor has not scrolled up, also when the banner, the
  // typing row or an error changes the log's height.
  let stickToBottom = true;
  log.addEventListener('scroll', () => { stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48; });
  if (window.ResizeObserver) new ResizeObserver(() => { if (stickToBottom) log.scrollTop = log.scrollHeight; }).observe(log);

  function scrollToEnd() {
    stickToBottom = true;
    requestAnimationFrame(() => { log.scrollTop = log.scrollHeight; });
  }

  function markSeen() {
    if (!state.open) return;
    const newest = Math.max(0, ...state.messages.keys());
    if (newest > state.seenId || newest < state.seenId) {
      state.seenId = newest;
      store.set('lastSeenId', newest);
    }
    renderBadge();
  }

  function renderBadge() {
    const unread = state.open ? 0 : [...state.messages.values()]
      .filter(m => m.id > state.seenId && m.from !== 'visitor').length;
    badge.hidden = unread === 0;
    badge.textContent = unread > 9 ? '9+' : numberFormat.format(unread);
    launcher.setAttribute('aria-label', unread ? `${t('openChat')} — ${t('unread', { n: unread })}` : (state.open ? t('closeChat') : t('openChat')));
  }

  // ---------------------------------------------------------------- socket
  let socket = null;
  let welcomed = false;
  let attempt = 0;
  let reconnectTimer = null;
  let pingTimer = null;
  const outbox = [];

  function connect() {
    if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) return;
    clearTimeout(reconnectTimer);
    renderConnection(attempt === 0 ? 'connecting' : 'reconnecting');
    let ws;
    try {
      ws = new WebSocket(SOCKET_URL);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    welcomed = false;
    ws.addEventListener('open', () => {
      const hello = { type: 'hello', visitorId, language: hintLanguage, lastSeenId: state.lastRenderedId, ...aboutTheBrowser() };
      const visitorToken = store.get('visitorToken');
      if (visitorToken) hello.visitorToken = visitorToken;
      if (state.conversationId) hello.conversationId = state.conversationId;
      ws.send(JSON.stringify(hello));
      clearInterval(pingTimer);
      pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"type":"ping"}'), PING_EVERY_MS);
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && typeof frame.type === 'string') handle(frame);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      welcomed = false;
      clearInterval(pingTimer);
      scheduleReconnect();
    });
  }

  /** The node is stopping (frame `reconnect`): go to another one at once, spread over a moment. */
  let nodeStopping = false;
  function reconnectElsewhere() {
    nodeStopping = true;
    const ws = socket;
    if (ws) ws.close(1000);
  }

  function scheduleReconnect() {
    attempt += 1;
    renderConnection('reconnecting');
    const quick = nodeStopping;
    nodeStopping = false;
    const base = quick ? 400 : Math.min(15000, 500 * 2 ** Math.min(attempt - 1, 5));
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, base * (0.75 + Math.random() * 0.5));
  }

  window.addEventListener('online', () => { if (!socket) { attempt = Math.min(attempt, 1); connect(); } });

  /** Sends now when welcomed, else after the next welcome. Typing and pings are never queued. */
  function send(frame) {
    if (socket && welcomed && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    if (frame.type !== 'typing') outbox.push(frame);
    connect();
    return false;
  }

  let messageCounter = 0;
  function sendMessage(text, payload) {
    const body = (text || '').trim();
    if (!body) { showError(t('empty')); return false; }
    if (body.length > MAX_TEXT) { showError(t('tooLong')); return false; }
    const clientMessageId = `w-${Date.now().toString(36)}-${(messageCounter++).toString(36)}-${randomHex(3)}`;
    const p = { text: body, payload: payload || null, sent: false };
    state.pending.set(clientMessageId, p);
    log.querySelector('.greeting')?.remove();
    log.append(pendingBubble(clientMessageId, p));
    renderQuickReplies();
    scrollToEnd();
    errorBox.hidden = true;
    state.notice = null;
    if (state.conversationState === 'BOT') renderState();
    const frame = { type: 'message', text: body, clientMessageId };
    if (payload) frame.payload = payload;
    p.sent = send(frame);
    p.frame = frame;
    return true;
  }

  function talkToPerson() {
    if (state.conversationState === 'RESOLVED') {
      state.afterWelcome.push(() => sendMessage(t('talkToPersonText'), 'handoff'));
      newConversation();
      return;
    }
    sendMessage(t('talkToPersonText'), 'handoff');
  }

  function newConversation() {
    send({ type: 'new_conversation', language: hintLanguage });
  }

  let lastTypingSent = 0;
  input.addEventListener('input', () => {
    autoGrow();
    const left = MAX_TEXT - input.value.length;
    counter.hidden = left > 500;
    counter.textContent = t('charsLeft', { n: left });
    counter.classList.toggle('at-limit', left <= 0);
    const now = Date.now();
    if (state.conversationState === 'WITH_AGENT' && input.value.trim() && now - lastTypingSent > TYPING_THROTTLE_MS) {
      lastTypingSent = now;
      send({ type: 'typing' });
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sendMessage(input.value)) {
      input.value = '';
      counter.hidden = true;
      autoGrow();
      lastTypingSent = 0;
    }
    input.focus();
  });
  function autoGrow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  // ---------------------------------------------------------------- frames
  function handle(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'message': return onMessage(frame.message);
      case 'state': return onState(frame);
      case 'typing': return showTyping();
      case 'feedback': return rated(frame.messageId, frame.helpful);
      case 'conversation_rated': return surveyAnswered();
      case 'error': return onError(frame);
      case 'reconnect': return reconnectElsewhere();
      case 'privacy_notice': return onPrivacyNotice(frame);
      case 'privacy_notice_accepted': return onPrivacyNoticeAccepted(frame);
      case 'data_export': return saveExport(frame.data);
      case 'data_erased': return onErased();
      default: return undefined; // pong and anything newer than this widget
    }
  }

  function onWelcome(frame) {
    attempt = 0;
    welcomed = true;
    renderConnection('open');
    const switched = frame.conversationId !== state.conversationId || frame.resumed === false;
    state.conversationId = frame.conversationId;
    store.set('conversationId', frame.conversationId);
    if (frame.visitorToken) store.set('visitorToken', frame.visitorToken);
    try { state.ratings = JSON.parse(store.get(`ratings.${frame.conversationId}`) || '{}') || {}; } catch { state.ratings = {}; }
    if (switched) {
      state.privacyNotice = null; // the server sends the new conversation's, if it needs one
      state.messages.clear();
      state.seenId = 0;
      store.set('lastSeenId', 0);
      state.lastRenderedId = 0;
      state.notice = null;
      // Unconfirmed messages belonged to the previous conversation only if they were already sent.
      for (const [id, p] of state.pending) if (p.sent) state.pending.delete(id);
    }
    for (const m of frame.messages || []) {
      state.messages.set(m.id, m);
      if (m.clientMessageId) state.pending.delete(m.clientMessageId);
    }
    resetSurvey(frame.rateable === true);
    renderAll();
    applyState(frame);
    // Messages sent before the drop that the server never confirmed: retry with the same clientMessageId.
    for (const p of state.pending.values()) {
      if (p.sent && p.frame && !outbox.includes(p.frame)) outbox.unshift(p.frame);
      p.sent = true;
    }
    const queued = outbox.splice(0);
    for (const f of queued) socket.send(JSON.stringify(f));
    const actions = state.afterWelcome.splice(0);
    actions.forEach(action => action());
    markSeen();
    renderBadge();
  }

  function onMessage(m) {
    if (!m || typeof m.id !== 'number') return;
    if (m.clientMessageId && state.pending.has(m.clientMessageId)) {
      state.pending.delete(m.clientMessageId);
      log.querySelector(`[data-pending="${CSS.escape(m.clientMessageId)}"]`)?.remove();
    }
    if (state.messages.has(m.id)) return;
    state.messages.set(m.id, m);
    if (m.id < state.lastRenderedId) renderAll(); else appendMessage(m);
    if (m.from === 'agent') hideTyping();
    if (m.from !== 'visitor') state.notice = null;
    renderQuickReplies();
    scrollToEnd();
    markSeen();
    renderBadge();
  }

  function onState(frame) {
    // Resolved by an agent just now: ask how it went. (A state frame that only repeats RESOLVED asks nothing new.)
    if (frame.state === 'RESOLVED' && state.conversationState !== 'RESOLVED' && frame.agentName) resetSurvey(true);
    applyState(frame);
  }

  function surveyAnswered() {
    state.survey = 'thanks';
    renderSurvey();
  }

  function applyState(frame) {
    state.conversationState = frame.state || state.conversationState;
    state.queue = frame.queue || null;
    state.agentName = frame.agentName || null;
    if (typeof frame.agentsOnline === 'number') state.agentsOnline = frame.agentsOnline;
    if ('closedUntil' in frame) state.closedUntil = frame.closedUntil;
    renderState();
    renderConnection();
  }

  function onError(frame) {
    // Another tab rated it (the answer, or the conversation being sent): nothing to tell the visitor, nothing to ask again.
    if (frame.code === 'already_rated') { if (state.survey === 'sending') surveyAnswered(); return; }
    if (frame.code === 'invalid_visitor_token' && !welcomed) return startAfresh();
    if (state.survey === 'sending') {
      // The rating was refused: the visitor may correct it and send it again.
      state.survey = 'ask';
      renderSurvey();
      showError(frame.code === 'comment_too_long' ? t('commentTooLong') : t('genericError'));
      return;
    }
    const byCode = {
      message_too_long: 'tooLong', empty_message: 'empty', not_allowed: 'notAllowed',
      unknown_conversation: 'unknownConversation', consent_required: 'consentRequired',
    };
    if (['message_too_long', 'empty_message', 'not_allowed'].includes(frame.code)) {
      // The newest unconfirmed message was refused: take it back into the input box.
      const last = [...state.pending.keys()].pop();
      if (last) {
        const p = state.pending.get(last);
        state.pending.delete(last);
        log.querySelector(`[data-pending="${CSS.escape(last)}"]`)?.remove();
        if (!input.value) { input.value = p.text; autoGrow(); }
      }
    }
    showError(byCode[frame.code] ? t(byCode[frame.code]) : t('genericError'));
  }

  /**
   * What the agent's customer panel shows of the visitor: the page they write from, the one before, the browser and
   * the time zone, as the browser itself reports them (docs/protocol.md, `hello`). The server keeps the pages without
   * query or fragment.
   */
  function aboutTheBrowser() {
    let timeZone;
    try { timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { /* unknown */ }
    return { page: location.href, referrer: document.referrer || undefined, userAgent: navigator.userAgent, timeZone };
  }

  /**
   * The server no longer knows our token (its secret is new: a one-node installation restarted, and with it forgot
   * every conversation): carry on as a new visitor rather than as nobody.
   */
  function startAfresh() {
    visitorId = 'v-' + randomHex(12);
    store.set('visitorId', visitorId);
    store.set('visitorToken', null);
    store.set('conversationId', null);
    state.conversationId = null;
    state.lastRenderedId = 0;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'hello', visitorId, language: hintLanguage, lastSeenId: 0, ...aboutTheBrowser() }));
    }
  }

  // ---------------------------------------------------------------- privacy: the notice, and the visitor's data
  function onPrivacyNotice(frame) {
    if (frame.conversationId !== state.conversationId) return;
    state.privacyNotice = { version: frame.version, text: frame.text, link: frame.link || null };
    renderState();
  }

  function onPrivacyNoticeAccepted(frame) {
    if (frame.conversationId !== state.conversationId) return;
    state.privacyNotice = null;
    errorBox.hidden = true;
    renderState();
    if (state.open) input.focus();
  }

  function renderPrivacyNotice() {
    const notice = state.privacyNotice;
    privacyNotice.hidden = notice == null;
    if (!notice) { privacyNotice.replaceChildren(); return; }
    const link = notice.link && /^(https?:|\/)/.test(notice.link)
      ? el('a', { href: notice.link, target: '_blank', rel: 'noopener', 'data-testid': 'baton-privacy-link', text: t('privacyPolicy') })
      : null;
    privacyNotice.replaceChildren(
      el('p', { dir: 'auto', 'data-testid': 'baton-privacy-text', text: notice.text }),
      el('div', { class: 'row' },
        el('button', {
          type: 'button', class: 'primary', 'data-testid': 'baton-accept-notice', text: t('privacyAccept'),
          onclick: () => send({ type: 'accept_privacy_notice', version: notice.version }),
        }), link));
  }

  function downloadMyData() {
    const visitorToken = store.get('visitorToken');
    if (!visitorToken) { showError(t('genericError')); return; }
    send({ type: 'export_data', visitorToken });
  }

  /** The document as a JSON file the browser downloads: made here, so no URL of ours ever carries the token. */
  function saveExport(document_) {
    const blob = new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: `my-data-${new Date().toISOString().slice(0, 10)}.json` });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    state.notice = t('downloaded');
    renderState();
  }

  function confirmErase(asking) {
    state.confirmingErase = asking;
    eraseConfirm.hidden = !asking;
    if (asking) eraseConfirm.querySelector('[data-testid="baton-erase-cancel"]').focus();
  }

  function eraseMyData() {
    const visitorToken = store.get('visitorToken');
    confirmErase(false);
    if (!visitorToken) { showError(t('genericError')); return; }
    send({ type: 'erase_data', visitorToken, confirm: true });
  }

  /** Nothing of the visitor is left on the server: forget the conversation here too, and go on as someone new. */
  function onErased() {
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith(STORE + 'ratings.')) localStorage.removeItem(key);
    } catch { /* private modes: nothing was kept */ }
    state.messages.clear();
    state.pending.clear();
    state.privacyNotice = null;
    state.afterWelcome.push(() => { state.notice = t('erased'); renderState(); });
    startAfresh();
    renderAll();
  }

  // ---------------------------------------------------------------- open / close
  function open({ focus = true } = {}) {
    if (state.open) return;
    state.open = true;
    rememberOpen(true);
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.classList.add('is-open');
    connect();
    scrollToEnd();
    markSeen();
    if (focus) setTimeout(() => (composer.hidden ? newConversationButton : input).focus(), 0);
  }

  function close() {
    if (!state.open) return;
    state.open = false;
    rememberOpen(false);
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.classList.remove('is-open');
    renderBadge();
    launcher.focus();
  }

  /** A reload (or the next page of the same site) keeps the panel as the visitor left it, for this tab only. */
  function rememberOpen(isOpen) {
    try { isOpen ? sessionStorage.setItem(STORE + 'open', '1') : sessionStorage.removeItem(STORE + 'open'); } catch { /* ignore */ }
  }
  const wasOpen = () => { try { return sessionStorage.getItem(STORE + 'open') === '1'; } catch { return false; } };

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.stopPropagation(); close(); }
  });

  // ---------------------------------------------------------------- styles
  function css(accentColour) {
    return `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root, .panel, .launcher {
  --accent: ${accentColour ? accentColour.replace(/[;{}<>]/g, '') : '#4338ca'};
  --accent-soft: color-mix(in srgb, var(--accent) 10%, white);
  --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --bot: #f1f5f9;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Vazirmatn", Tahoma, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink);
}
.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  width: 60px; height: 60px; border-radius: 50%; border: 0; cursor: pointer;
  background: var(--accent); color: white; display: grid; place-items: center;
  box-shadow: 0 8px 24px rgba(15, 23, 42, .28); transition: transform .15s ease;
}
.launcher:hover { transform: scale(1.05); }
.launcher.is-open .icon svg { display: none; }
.launcher.is-open .icon::before { content: "×"; font-size: 34px; line-height: 1; }
.badge {
  position: absolute; top: -2px; right: -2px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; background: #dc2626; color: white; font: 700 12px/22px system-ui, sans-serif;
  border: 2px solid white;
}
button:focus-visible, textarea:focus-visible, input:focus-visible, .log:focus-visible {
  outline: 3px solid color-mix(in srgb, var(--accent) 55%, white); outline-offset: 2px;
}
.panel {
  position: fixed; right: 20px; bottom: 92px; z-index: 2147483000;
  width: 396px; max-width: calc(100vw - 24px); height: 620px; max-height: calc(100vh - 112px);
  display: flex; flex-direction: column; overflow: hidden;
  background: white; border-radius: 18px; box-shadow: 0 24px 60px rgba(15, 23, 42, .25), 0 0 0 1px rgba(15, 23, 42, .06);
  animation: rise .18s ease-out;
}
@keyframes rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100%; max-height: 100%; border-radius: 0; }
  .launcher.is-open { display: none; }
}
@media (prefers-reduced-motion: reduce) { .panel, .launcher, .dots i { animation: none !important; transition: none !important; } }
.header {
  display: flex; flex-direction: column; gap: 2px; padding: 12px 10px 12px 18px;
  background: var(--accent); color: white;
}
.panel[dir="rtl"] .header { padding: 12px 18px 12px 10px; }
.header-row { display: flex; align-items: center; gap: 6px; min-height: 30px; }
.header h2 { flex: 1; min-width: 0; margin: 0; font-size: 16px; font-weight: 650; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.subtitle { flex: 1; min-width: 0; margin: 0; font-size: 12px; opacity: .92; display: flex; align-items: center; gap: 6px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #4ade80; flex: none; }
.header.team-offline .dot { background: #cbd5e1; }
.header.offline .dot { background: #fbbf24; animation: blink 1s infinite alternate; }
@keyframes blink { to { opacity: .3; } }
.talk {
  display: inline-flex; align-items: center; gap: 5px; flex: none; white-space: nowrap;
  border: 1px solid rgba(255,255,255,.55); background: rgba(255,255,255,.14); color: white;
  border-radius: 999px; padding: 4px 9px; font: inherit; font-size: 12.5px; font-weight: 600; cursor: pointer;
}
.talk:hover { background: rgba(255,255,255,.26); }
.icon-button { border: 0; background: transparent; color: white; cursor: pointer; padding: 5px; border-radius: 8px; display: grid; place-items: center; }
.icon-button:hover { background: rgba(255,255,255,.18); }
.icon { display: inline-grid; place-items: center; }
.banner { padding: 12px 16px; border-bottom: 1px solid var(--line); font-size: 14px; }
.banner p { margin: 0 0 8px; }
.banner p:last-child { margin-bottom: 0; }
.banner-waiting { background: var(--accent-soft); }
.banner-waiting .queue { font-weight: 650; color: var(--ink); }
.banner-warning { background: #fffbeb; color: #78350f; }
.banner-agent { background: #ecfdf5; color: #065f46; font-weight: 600; }
.ended {
  display: flex; align-items: center; justify-content: space-between; gap: 10px; flex-wrap: wrap;
  padding: 12px 14px; border-top: 1px solid var(--line); background: #f8fafc;
}
.ended p { margin: 0; font-weight: 600; color: var(--muted); }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.primary, .secondary, .link { font: inherit; font-size: 13.5px; cursor: pointer; border-radius: 10px; }
.primary { background: var(--accent); color: white; border: 1px solid var(--accent); padding: 7px 13px; font-weight: 600; }
.primary:hover { filter: brightness(1.08); }
.secondary { background: white; color: var(--accent); border: 1px solid color-mix(in srgb, var(--accent) 45%, white); padding: 7px 13px; font-weight: 600; }
.secondary:hover { background: var(--accent-soft); }
.link { background: none; border: 0; color: var(--muted); text-decoration: underline; padding: 7px 4px; }
.leave { padding: 12px 16px 14px; border-bottom: 1px solid var(--line); background: #fafafa; display: grid; gap: 6px; }
.leave h3 { margin: 0 0 2px; font-size: 15px; }
.leave label { font-size: 13px; color: var(--muted); }
.leave textarea, .leave input {
  font: inherit; font-size: 14px; width: 100%; padding: 8px 10px; border: 1px solid #cbd5e1; border-radius: 10px; background: white; color: var(--ink);
}
.leave .row { justify-content: flex-end; margin-top: 4px; }
.log { flex: 1; overflow-y: auto; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 4px; }
.greeting { margin: auto 0 8px; align-self: center; color: var(--muted); text-align: center; padding: 0 20px; }
.msg { display: flex; flex-direction: column; max-width: 82%; margin-top: 6px; }
.msg.from-visitor { align-self: flex-end; align-items: flex-end; }
.msg.from-bot, .msg.from-agent { align-self: flex-start; align-items: flex-start; }
.msg.from-system { align-self: center; max-width: 92%; margin: 10px 0; }
.system-text { margin: 0; font-size: 12.5px; color: var(--muted); text-align: center; background: #f8fafc; border: 1px solid var(--line); border-radius: 999px; padding: 4px 12px; }
.name { font-size: 12px; font-weight: 600; color: var(--muted); margin: 0 6px 2px; }
.from-agent .name { color: #047857; }
.bubble {
  padding: 9px 13px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext;
}
.from-visitor .bubble { background: var(--accent); color: white; border-end-end-radius: 5px; }
.from-bot .bubble { background: var(--bot); color: var(--ink); border-end-start-radius: 5px; }
.from-agent .bubble { background: #ecfdf5; color: #064e3b; border: 1px solid #a7f3d0; border-end-start-radius: 5px; }
.pending .bubble { opacity: .6; }
.time { font-size: 11px; color: #64748b; margin: 2px 6px 0; }
.quick-replies { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 4px; }
.quick {
  font: inherit; font-size: 13.5px; padding: 6px 12px; border-radius: 999px; cursor: pointer;
  background: white; color: var(--accent); border: 1.5px solid color-mix(in srgb, var(--accent) 50%, white); font-weight: 600;
}
.quick:hover { background: var(--accent-soft); }
.rating { display: flex; align-items: center; gap: 4px; margin: 4px 4px 0; font-size: 12px; color: #475569; }
.rating-text { margin-inline-end: 4px; }
.thumb {
  display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 50%; cursor: pointer;
  background: white; color: #475569; border: 1px solid var(--line);
}
.thumb:hover:not([aria-disabled="true"]) { background: var(--accent-soft); color: var(--accent); }
.thumb[aria-pressed="true"] { background: var(--accent); color: white; border-color: var(--accent); }
.thumb[aria-disabled="true"] { cursor: default; }
.thumb[aria-disabled="true"]:not([aria-pressed="true"]) { opacity: .45; }
.survey { padding: 12px 16px 12px; border-top: 1px solid var(--line); background: #f8fafc; display: grid; gap: 6px; }
.survey-fields { display: grid; gap: 6px; }
.survey fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.survey legend { padding: 0; margin-bottom: 8px; font-weight: 650; font-size: 14.5px; }
.score-row { display: flex; gap: 8px; }
.score { flex: 1; position: relative; }
.score input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
.score span {
  display: grid; place-items: center; height: 38px; border-radius: 10px; font-weight: 700;
  background: white; color: var(--ink); border: 1.5px solid #94a3b8;
}
.score:hover span { background: var(--accent-soft); border-color: var(--accent); }
.score input:checked + span { background: var(--accent); color: white; border-color: var(--accent); }
.score input:focus-visible + span { outline: 3px solid color-mix(in srgb, var(--accent) 55%, white); outline-offset: 2px; }
.score input:disabled + span { opacity: .6; }
.score-ends { display: flex; justify-content: space-between; gap: 12px; margin-top: 4px; font-size: 12px; color: var(--muted); }
.survey label[for] { font-size: 13px; color: var(--muted); }
.survey textarea {
  font: inherit; font-size: 14px; width: 100%; padding: 8px 10px; border: 1px solid #94a3b8; border-radius: 10px; background: white; color: var(--ink); resize: vertical;
}
.survey .row { justify-content: flex-end; }
.survey-thanks { margin: 0; font-weight: 600; color: #065f46; }
.typing { display: flex; align-items: center; gap: 8px; padding: 2px 18px 6px; font-size: 12.5px; color: var(--muted); }
.dots { display: inline-flex; gap: 3px; }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: #94a3b8; animation: bounce 1s infinite; }
.dots i:nth-child(2) { animation-delay: .15s; } .dots i:nth-child(3) { animation-delay: .3s; }
@keyframes bounce { 0%, 60%, 100% { transform: none; } 30% { transform: translateY(-4px); } }
.error { margin: 0 14px 6px; padding: 8px 12px; border-radius: 10px; background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; font-size: 13.5px; }
.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--line); }
.input {
  flex: 1; resize: none; font: inherit; color: var(--ink); padding: 10px 12px; max-height: 120px;
  border: 1px solid #cbd5e1; border-radius: 14px; background: #f8fafc; line-height: 1.4;
}
.input:focus { background: white; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 20%, white); }
.input:disabled { opacity: .55; }
.send { flex: none; width: 42px; height: 42px; border-radius: 50%; border: 0; background: var(--accent); color: white; cursor: pointer; display: grid; place-items: center; }
.send:disabled { opacity: .4; cursor: default; }
.panel[dir="rtl"] .send .icon { transform: scaleX(-1); }
.footer { display: flex; justify-content: space-between; gap: 8px; padding: 0 14px 8px; font-size: 11px; color: #64748b; }
.counter.at-limit { color: #b91c1c; font-weight: 600; }
.powered { margin-inline-start: auto; }
.data-menu { display: flex; gap: 10px; }
.data-menu .link { font-size: 11px; padding: 0; color: #475569; }
.privacy-notice, .erase-confirm { margin: 0 12px 8px; padding: 10px 12px; border-radius: 12px; border: 1px solid var(--line); background: #f8fafc; font-size: 13.5px; }
.privacy-notice p, .erase-confirm p { margin: 0 0 8px; line-height: 1.4; }
.privacy-notice .row, .erase-confirm .row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.privacy-notice a { color: var(--accent); font-size: 13px; }
.erase-confirm { border-color: #fecaca; background: #fef2f2; }
.danger { border: 0; border-radius: 10px; padding: 8px 12px; background: #b91c1c; color: white; font: inherit; font-weight: 600; cursor: pointer; }
`;
  }

  // ---------------------------------------------------------------- boot
  renderConnection('connecting');
  renderState();
  renderAll();
  renderBadge();
  const mount = () => {
    document.body.append(host);
    // Resume a conversation already under way (e.g. an agent's reply arrived while the page reloaded);
    // a visitor who never opens the widget opens no conversation.
    if (state.conversationId) connect();
    if (data.open === 'true' || wasOpen()) open({ focus: false }); // never steal focus from the page on load
  };
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  window.Baton = Object.freeze({
    __widget: true,
    open: () => open(),
    close: () => close(),
    get isOpen() { return state.open; },
    get visitorId() { return visitorId; },
    get conversationId() { return state.conversationId; },
  });
})();
