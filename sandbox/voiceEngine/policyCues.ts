// What kind of thing was just said: a person offering help, a recording, a hold message, a voicemail
// greeting, a closed line, a refusal... Patterns are written for `plainText` (accent-folded lower case,
// straight apostrophes), in English and Spanish, and for several wordings of each.

const cue = (...alternatives: string[]) => new RegExp(`\\b(?:${alternatives.join('|')})`);

export const HELP_OFFER = cue(
  'how (?:can|may|could) (?:i|we) (?:help|assist)',
  'what can (?:i|we) (?:do|help|look into|assist)',
  'how can i direct',
  "what (?:are you|is your) call(?:ing)? (?:about|regarding|for)",
  "(?:what(?:'s| is) the|and the|may i ask the) reason for (?:your|the|today's) call",
  "what(?:'s| is) going on",
  'what brings you',
  'how can i be of (?:help|assistance|service)',
  'what seems to be the (?:problem|issue)',
  'go ahead',
  'en que (?:le |lo |la )?(?:puedo|podemos) (?:ayudar|servir)',
  'como (?:le |lo |la )?(?:puedo|podemos) ayudar',
  'motivo de su llamada',
);

export const WHO_IS_CALLING = cue(
  'who (?:am i|are we) (?:speaking|talking) (?:with|to)',
  "who(?:'s| is) (?:calling|this)",
  'may i ask who',
  '(?:am i|are we) (?:speaking|talking) (?:with|to)',
  'is this (?:the )?(?:account ?holder|customer|owner)',
  'are you (?:the )?(?:account ?holder|customer|owner)',
  'con quien (?:hablo|tengo el gusto)',
  'quien (?:llama|habla)',
  'es usted (?:el|la) titular',
  '(?:hablo|estoy hablando) con',
);

/** A person introducing themselves ("Thanks for holding, this is Maria."). */
const NAMED_GREETING = cue(
  "you(?:'re| are) (?:speaking|talking) (?:with|to)",
  '(?:this is|my name is|my name\'s) [a-z]+(?:,|\\.|$| from| with| in| speaking| the| a)',
  '(?:^|, )[a-z]+ speaking(?! with| to)\\b',
  '(?:^|, )[a-z]+ here[,.]',
  'le atiende',
  'mi nombre es',
  'habla [a-z]+(?:,|\\.)',
);

// Said by people coming back to the line, and by queue recordings: a person only without a hold message.
const THANKS_FOR_WAITING = cue(
  'thank(?:s| you) for (?:holding|waiting|your patience)',
  'sorry (?:for|about) the (?:wait|hold)',
  'gracias por (?:esperar|su espera|su paciencia)',
);

export const HELLO = /^(?:hello|hi|hey|hola|alo|bueno)\b[\s?!.,]*$|\bare you (?:still )?(?:there|on the line)\b|\bsigue (?:ahi|en la linea)\b/;

export const HOLD = cue(
  'please (?:continue to )?hold',
  '(?:put|place|placing|putting) you on (?:a )?(?:brief |short |quick )?hold',
  'hold (?:on )?(?:for|while)',
  'your call is (?:very )?important',
  'all (?:of )?our (?:[a-z]+ ){0,2}(?:agents|representatives|associates|operators|team members|specialists|staff|advisors|lines) (?:are|is) (?:currently |still )?(?:busy|assisting|helping|on other calls|with other|occupied|unavailable)',
  "(?:you are|you're) (?:caller )?(?:number [a-z0-9]+|next in line|the [a-z]+ caller|[a-z]+ in (?:line|the queue))",
  'caller number',
  'in (?:the )?queue',
  '(?:estimated |expected |current |approximate )?wait(?:ing)? time',
  '(?:will|should) be with you (?:shortly|soon|in a moment|momentarily|as soon as)',
  '(?:remain|stay) on the line',
  'next available',
  '(?:while|as) (?:i|we) (?:transfer|connect) you',
  'transferring (?:you|your call)',
  "(?:i'll|i will|let me|i'm going to) (?:transfer|connect|get|put|route|pass) you (?:to|through|over|along)",
  '(?:connecting|routing) (?:you|your call)',
  'please wait while',
  'high (?:call )?volume',
  'in the order (?:it was |they were )?received',
  'por favor (?:espere|aguarde)',
  '(?:permanezca|mantengase|siga) en (?:la )?linea',
  'no cuelgue',
  'su llamada es (?:muy )?importante',
  'todos nuestros [a-z]+ (?:estan|se encuentran) ocupados',
  '(?:usted )?es (?:el|la) (?:numero|persona numero|llamada numero) [a-z0-9]+',
  'tiempo (?:estimado )?de espera',
  'en breve (?:le|lo|la) (?:atenderemos|atendera)',
  '(?:le|lo|la) (?:transferimos|transfiero|comunico|comunicamos)',
  'transfiriendo',
  'sera atendid[oa]',
);

const VOICEMAIL = cue(
  '(?:leave|record) (?:a|your|us a) (?:brief |short |detailed )?message',
  '(?:after|at) the (?:beep|tone)',
  '(?:not|un)available to (?:take|answer) (?:your|the|this) call',
  "(?:can't|cannot|can not) (?:come to|answer|take) the (?:phone|call)",
  '(?:reached|this is) the (?:voice ?mail|mailbox)',
  'voice ?mail(?:box)? (?:of|for)',
  'deje (?:su|un) (?:breve )?mensaje',
  'despues del tono',
  'buzon de voz',
  'no (?:esta|estamos|puede|podemos) (?:disponibles?|atender|contestar)',
);
// "Leave a message" alone can be a person's offer; a greeting also says nobody can answer, or names the beep.
const VOICEMAIL_CONTEXT = cue(
  'beep',
  'tone',
  '(?:not|un)available',
  "(?:can't|cannot|can not) (?:come|answer|take)",
  'voice ?mail',
  'mailbox',
  'away from',
  'out of the office',
  'no one is available',
  'tono',
  'buzon',
  'no (?:esta|estamos|puede|podemos)',
);

export const CLOSED = cue(
  "(?:we are|we're|(?:our|the) (?:offices?|lines|store|business|call cent(?:er|re)|support team|phone lines)(?: is| are)?) (?:now |currently )?closed",
  '(?:is|are) closed (?:now|today|for the (?:day|weekend|holiday))',
  'outside (?:of )?(?:our )?(?:normal |regular )?(?:business|office|opening|operating) hours',
  '(?:our|the) (?:normal |regular )?(?:business|office|opening|operating|phone|call cent(?:er|re)) hours are',
  'please call (?:back|again) during (?:our |those |normal |regular |business |office |opening )*hours',
  '(?:estan|estamos) cerrad[oa]s',
  'fuera (?:de|del) (?:nuestro )?horario',
  'nuestro horario (?:de atencion )?es',
);

const REFUSED = 'do|process|issue|give|offer|approve|refund|waive|remove|reverse|help|change|make|provide|credit|honor|grant|adjust';

export const REFUSAL = cue(
  `(?:i|we) (?:can't|cannot|can not|won't be able to|don't have the ability to|aren't allowed to) (?:${REFUSED})`,
  `(?:i|we)(?:'m| am|'re| are) (?:not able to|unable to|not authori[sz]ed to|not allowed to|not permitted to) (?:${REFUSED})`,
  "there(?:'s| is) (?:nothing|not much) (?:more |else )?(?:i|we) can do",
  "(?:that|this)(?:'s| is) not (?:something (?:i|we) can|possible)",
  "(?:it|that)(?:'s| is) (?:against|not within) (?:our|the|company) policy",
  "our policy (?:doesn't|does not) allow",
  'no (?:puedo|podemos) (?:hacer|procesar|emitir|dar|ofrecer|aprobar|reembolsar|ayudar|eliminar|cambiar)',
  'no hay nada (?:mas )?que (?:pueda|podamos) hacer',
  'no es posible',
);

// Who, besides "the account holder", a line may insist on speaking with.
const THE_CUSTOMER = '(?:account ?holder|account owner|owner of the account|primary (?:account ?holder|card ?holder)|patient|member|policy ?holder|card ?holder|subscriber)';

export const ACCOUNT_HOLDER = cue(
  `only (?:[a-z]+ ){0,5}(?:with |to |by )?the ${THE_CUSTOMER}`,
  `(?:if )?the ${THE_CUSTOMER} (?:can|could|would need to|needs to|has to|must) (?:join|come on|get on|be on|call)`,
  '(?:need|have|has) to (?:speak|talk) (?:with|to) (?:the )?(?:account ?holder|account owner)',
  "(?:without|need|require|requires) (?:the )?(?:account ?holder|account owner)(?:'s)?(?: (?:permission|authori[sz]ation|consent|approval))?",
  `(?:is|are) the ${THE_CUSTOMER} (?:available|there|on the line|with you|joining)`,
  'one[- ]time (?:pass ?)?code',
  'verification code',
  'security code (?:that )?(?:we|i) (?:just )?(?:sent|texted)',
  '(?:sent|texted) (?:you )?a (?:code|pin)',
  'solo (?:[a-z]+ ){0,4}(?:con )?el titular',
  '(?:hablar|comunicarme) con el titular',
  'autorizacion del titular',
  'titular (?:de la cuenta )?(?:esta )?disponible',
  'codigo de (?:verificacion|seguridad)',
  'codigo (?:de un solo uso|temporal)',
);

/** Someone saying they are the customer ("Yes, I'm the patient."), i.e. the customer on the line in person. */
export const SPEAKS_AS_CUSTOMER = cue(`(?:i'm|i am|this is|it's|soy) (?:the |el |la )?${THE_CUSTOMER}`, 'soy (?:el|la) titular');

export const SUPERVISOR = cue('supervisor', 'manager', 'team lead', 'escalations?', 'supervisora', 'gerente', 'encargad[oa]', 'jefe');

const RECORDED = cue(
  'thank(?:s| you) for calling',
  'welcome to',
  "you(?:'ve| have) reached",
  'this call (?:may|will) be (?:recorded|monitored)',
  '(?:recorded|monitored) for (?:quality|training)',
  'please listen carefully',
  'options have changed',
  '(?:invalid|not a valid) (?:option|selection|entry)',
  "(?:didn't|did not) (?:understand|recognize) (?:your|that)",
  'para espanol',
  'for english',
  'gracias por (?:llamar|comunicarse)',
  'bienvenid[oa]',
  'esta llamada (?:puede ser|sera|podria ser) (?:grabada|monitoreada)',
  'opcion (?:no )?valida',
  'followed by the (?:pound|hash)',
  'ha (?:llamado|comunicado) a',
);

/** Someone on the line is talking to us in person, as opposed to a recording playing. */
export function personIsSpeaking(plain: string): boolean {
  return personIntroduces(plain) || (THANKS_FOR_WAITING.test(plain) && !HOLD.test(plain));
}

/** A person clearly there: offering help, asking who we are, giving their name, saying hello. */
export function personIntroduces(plain: string): boolean {
  return HELP_OFFER.test(plain) || WHO_IS_CALLING.test(plain) || NAMED_GREETING.test(plain) || HELLO.test(plain.trim());
}

/** A person greeting us by name, e.g. after a transfer, without asking anything yet. */
export function greetsByName(plain: string): boolean {
  return NAMED_GREETING.test(plain);
}

export function isVoicemailGreeting(plain: string): boolean {
  return VOICEMAIL.test(plain) && VOICEMAIL_CONTEXT.test(plain);
}

export function isHoldAnnouncement(plain: string): boolean {
  return HOLD.test(plain) && !personIntroduces(plain);
}

/** Announcements, hold messages, voicemail greetings: nobody is there to answer. */
export function soundsRecorded(plain: string): boolean {
  if (personIsSpeaking(plain)) return false;
  return RECORDED.test(plain) || HOLD.test(plain) || isVoicemailGreeting(plain) || CLOSED.test(plain);
}
