/**
 * Phrase patterns for page furniture (prompts, widgets, legal lines) found in scraped article text.
 *
 * Written by hand: no maintained JS library classifies single text lines of a scraped page
 * (Readability and friends work on the DOM, and lose this information once text is flattened).
 * Each rule is a general pattern anchored on the shape of the line (what it starts with, how short
 * it is), so a real sentence that merely mentions "subscribe" or "comments" is not matched.
 */
import type { RemovalReason } from '../types.js';

export interface LineRule {
  reason: RemovalReason;
  /** Short human explanation recorded with the removed piece. */
  rule: string;
  test: (line: string, words: number) => boolean;
}

/** Matches only when the line is short (a prompt, not a sentence that contains the phrase). */
const short = (r: RegExp, maxWords = 12) => (l: string, w: number) => w <= maxWords && r.test(l);

/** Hostnames/identifiers of trackers and analytics that leak into scraped text as bare lines. */
const TRACKERS = /^(?:[\w.-]*\b)?(?:scorecardresearch|googletagmanager|google-analytics|doubleclick|comscore|quantserve|chartbeat|hotjar|taboola|outbrain|newrelic|facebook pixel|fbq|gtag|_satellite|adsbygoogle|omniture|parsely|permutive)\b[\w./?=&;:()'"-]*$/i;

const NAME = String.raw`(?:[A-Z][\p{L}'’.-]*(?:\s+(?:van|von|de|da|del|der|di|la|le|bin|al|el)\b)?(?:\s+[A-Z][\p{L}'’.-]*){0,3})`;
/** "By A", "BY A and B", "By A, B & C | Reuters": names are capitalised; an optional short role/outlet tail. */
const BYLINE = new RegExp(String.raw`^(?:[Bb]y|BY)\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*(?:\s*[,|–—-]\s*[\p{L} ]{0,40})?$`, 'u');
const ENDS_SENTENCE = /[.!?]["”’]?$/;

export const LINE_RULES: LineRule[] = [
  // --- tracking / code leaking into text
  { reason: 'tracking', rule: 'bare tracker or analytics identifier', test: short(TRACKERS, 4) },
  { reason: 'tracking', rule: 'script code in text', test: short(/^(?:window\.|document\.|var |function\s*\(|\(function|googletag\.|dataLayer|<!--|<script|\{\s*"@context")/i, 60) },
  { reason: 'tracking', rule: 'tracking pixel / image beacon text', test: short(/^(?:1x1|pixel|beacon)(?:\s|$)/i, 3) },
  // --- cookie banners
  { reason: 'cookie-banner', rule: 'cookie consent text', test: short(/\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings|preferences|consent)|accept (?:all )?cookies|manage (?:your )?cookies)\b/i, 60) },
  // --- comments widgets
  { reason: 'comments', rule: 'comment form prompt', test: short(/^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|comments?(?: \(\d+\))?|\d+ comments?|show comments|view comments|load comments|be the first to comment|please enter your (?:comment|name|email)(?: (?:here|address))?|you have entered an incorrect email address|log in to comment|sign in to comment|comment policy|cancel reply|reply to this|comments are (?:closed|disabled|turned off)(?: for this (?:article|story|post))?|share or comment on this (?:article|story)|(?:view|read|see) (?:all )?\d* ?comments)\s*[!.:]*(?: here)?[!.]*$/i, 10) },
  // --- share / follow prompts
  { reason: 'share-prompt', rule: 'follow/share prompt', test: short(/^(?:follow (?:us|@\w+)|share(?: this(?: article| story| post)?)?(?: on [\w ,&]+)?|share via|tweet(?: this)?|email|print(?: this(?: article| page)?)?|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|flipboard|x \(twitter\))\s*[:!.]*$/i, 8) },
  { reason: 'share-prompt', rule: 'preferred-source / follow-on prompt', test: short(/^(?:add (?:[\w.'’&-]+ )*as (?:a |your )?(?:preferred|trusted) source\b|follow (?:[\w.'’&-]+ )*on (?:google news|whatsapp|telegram|x|twitter|facebook|instagram|youtube|threads)\b|click here to (?:follow|join|share))/i, 16) },
  { reason: 'share-prompt', rule: 'share / follow invitation', test: short(/^(?:(?:like|liked|enjoy|enjoyed|love) this (?:story|article|post)\?|follow @\w+|follow (?:him|her|them|us|me) on (?:twitter|x|facebook|instagram))/i, 40) },
  { reason: 'non-content', rule: 'bare URL', test: short(/^(?:https?:\/\/|www\.)\S+$/i, 40) },
  { reason: 'non-content', rule: 'image caption / credit', test: short(/^(?:in this [\w.,'’ -]{0,60}?(?:photo|image|picture|photograph|video (?:grab|still)|screenshot)\b|this (?:file |handout |undated |aerial )?(?:photo|image|picture|photograph|screenshot) (?:taken|made|provided|released|shot|posted|shows)\b|(?:photo|image|picture|photograph|credit|photo credit|image credit|source)s?\s*:\s*\S[^.]{0,80}$|\((?:photo|image|picture|credit)s?\s*:[^)]*\)$)/i, 60) },
  { reason: 'non-content', rule: 'tip / contact box', test: short(/^(?:have a (?:news )?tip\?|got a (?:news )?tip\?|send (?:us )?(?:your )?(?:news )?tips\b|contact (?:the author|us) at\b)/i, 50) },
  { reason: 'non-content', rule: 'author contact line', test: short(/^(?:e-?mail|contact|reach|write to) [\p{L} .'’-]{1,40} at \S+@\S+/iu, 40) },
  { reason: 'non-content', rule: 'address / phone block', test: short(/\b\d{3}[-. )]\d{3}[-. ]\d{4}\b.*\b(?:tel|fax|phone)\b|\b(?:tel|fax|phone)\b.{0,5}\+?\d[\d -]{7,}/i, 40) },
  { reason: 'non-content', rule: 'how-to-cite line', test: short(/^citation\s*:/i, 60) },
  { reason: 'related-link', rule: 'more-coverage pointer', test: short(/^(?:follow|read|see|find) (?:[\p{L}’']+ )?(?:full |complete |live |more |all (?:of )?(?:our|the) )?coverage\b/iu, 30) },
  { reason: 'share-prompt', rule: 'share bar (a row of social network names)', test: (l, w) => w >= 2 && w <= 14 && isShareBar(l) },
  // --- subscriptions / appeals / newsletters
  { reason: 'subscription', rule: 'subscribe / sign-up prompt', test: short(/^(?:subscribe(?: now| today| here)?\b|sign up\b(?: (?:for|to) (?:our|the)\b)?|get (?:our|the) [\w -]*newsletter|join (?:our|the) [\w -]*(?:newsletter|channel|community)\b|already a (?:subscriber|member)|become a (?:subscriber|member|supporter|patron)|register (?:now|for free|here)\b|unlock (?:this|unlimited)|start your (?:free )?trial)/i, 16) },
  { reason: 'subscription', rule: 'support-our-journalism appeal', test: short(/^(?:support (?:our|independent|quality|local|fearless) (?:journalism|reporting|newsroom)|donate(?: now| today)?$|make a (?:contribution|donation)|please consider (?:supporting|subscribing|donating))/i, 20) },
  { reason: 'subscription', rule: 'paid-subscription / reader-support appeal', test: short(/\b(?:take a paid subscription|(?:paid|digital|premium) subscription by clicking|support from (?:\w+ )?readers like you|readers like you\b.*\bsupport|by clicking here\b.*\bsubscri|subscribers? (?:get|enjoy) unlimited|this (?:article|content) is for subscribers)/i, 40) },
  { reason: 'subscription', rule: 'newsletter box', test: short(/^(?:newsletter|(?:daily|weekly|morning|evening) (?:briefing|newsletter))\b.*(?:sign up|subscribe|inbox|email)/i, 30) },
  { reason: 'subscription', rule: 'newsletter / delivery pitch', test: short(/(?:(?:^|[.!?]\s+)(?:sign up|subscribe)\b(?:[^.!?]{0,60}\b(?:newsletter|inbox|today|for free)|(?: now| here)?[.!]?$)|\bget [^.!?]{0,40}\b(?:in|to) your (?:inbox|mailbox)\b|delivered (?:to|through|straight to) your (?:inbox|letterbox|door|mailbox)|(?:meet|land in|straight to|right in|right to) your inbox|get (?:unlimited |full |instant )?access to [^.]{0,60}\bsubscriptions?\b)/i, 45) },
  { reason: 'subscription', rule: 'app / channel promotion', test: short(/^(?:(?:click|tap) here to (?:download|get|install)\b|download (?:our|the [\p{L} ]{1,30}) app\b|get (?:the )?latest (?:news|updates|headlines)\b[^.]{0,40}\b(?:on your (?:phone|mobile)|app|whatsapp|telegram)\b)/iu, 30) },
  { reason: 'subscription', rule: 'sign-up privacy notice', test: short(/\bwe use your (?:sign-?up|e-?mail(?: address)?|details)\b|\bby (?:signing up|subscribing),? you (?:agree|consent)\b/i, 60) },
  { reason: 'subscription', rule: 'community / forum invitation', test: short(/^join (?:our|the) [\w '’-]*(?:forums?|community|mailing list|discord|whatsapp group|telegram channel)\b/i, 40) },
  // --- related links and teasers introduced by a label
  { reason: 'related-link', rule: 'related-story label ("Also read:", "Read more", ...)', test: short(/^(?:also read|read also|read more|more to read|see also|also see|related(?: articles?| stories| news| coverage| content| reading)?|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|be interested in)|more (?:from|on|stories|news)\b[^.]*|don'?t miss|must read|top stories|trending(?: now| stories| topics)?|most (?:popular|read|viewed|shared|watched)(?: (?:news|stories|articles|videos|today|this week))?|editor'?s picks|what to read next|continue reading|read next|latest (?:news|stories)|more in \w+|watch(?: now)?|(?:related )?video)\s*(?:[:|»›>–—-]\s*|$)/i, 30) },
  { reason: 'related-link', rule: 'click-through prompt', test: short(/^(?:click here|tap here) (?:to|for) (?:read|see|watch|find)\b/i, 16) },
  { reason: 'related-link', rule: 'capitalised related-story label', test: short(/^(?:DON[’']?T MISS|MUST READ|READ MORE|ALSO READ|SEE ALSO|RELATED|MORE|WATCH|LISTEN|TRENDING|LATEST)\b(?![’'\p{Ll}])/u, 40) },
  { reason: 'related-link', rule: 'headline list with section tags ("... [INSIGHT] | ...")', test: (l) => (l.match(/\[[A-Z][A-Z ]{2,}\]/g) ?? []).length >= 2 },
  // --- ads
  { reason: 'ad', rule: 'advertisement label', test: short(/^(?:advertisement|advertisment|advert|ad|ads|sponsored(?: content| post| by .*)?|paid (?:content|post|partnership)|promoted(?: content)?|partner content|story continues below(?: (?:this )?(?:advertisement|ad))?|article continues (?:below|after (?:this )?(?:advertisement|ad))|continue reading (?:below|the main story)|scroll to continue(?: with content)?|skip (?:this )?ad)\s*[:.]*$/i, 8) },
  // --- navigation / page furniture
  { reason: 'navigation', rule: 'page furniture (menu, text size, skip links)', test: short(/^(?:text size|font size|a\+? ?a-?|skip to (?:main )?(?:content|navigation)|menu|main menu|search|home|back to top|go to top|toggle navigation|open menu|close|listen(?: to (?:this )?(?:article|story))?(?: \d+ min)?|\d+ min(?:ute)?s? read|print edition|e-?paper|sections|log ?in|sign in|my account|next article|previous article|next story|previous story)\s*[:|]*$/i, 6) },
  { reason: 'navigation', rule: 'breadcrumb trail', test: (l) => /^Home(?:\s*[>»›/|]\s*|(?=[A-Z][a-z]))\S/.test(l) && (/(?:\.\.\.|…)$/.test(l) || !/[.!?]["”’]?$/.test(l)) },
  { reason: 'navigation', rule: 'breadcrumb trail', test: short(/^[\p{L} &'’-]{2,30}(?:\s*[>»›|/]\s*[\p{L}\d &'’,:-]{2,80}){2,}$/u, 25) },
  // --- tags
  { reason: 'tags', rule: 'tag list ("Tags a, b, c")', test: short(/^(?:[•·*▪-]\s*)?(?:tags|topics|keywords)\s+[^.!?]+,[^.!?]+$/i, 60) },
  { reason: 'tags', rule: 'tags label or tag list', test: short(/^(?:[•·*▪-]\s*)?(?:tags?|topics?|filed under|categories|keywords)\s*(?::.*)?$/i, 30) },
  // --- copyright / legal
  { reason: 'copyright', rule: 'copyright notice', test: short(/©\s?(?:\d{4}|[A-Z])|\bsubject to copyright\b|\bcontents of this (?:site|website) are\b/, 45) },
  { reason: 'copyright', rule: 'copyright line', test: short(/^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^this (?:material|article|content) may not be (?:published|reproduced)/i, 40) },
  // --- disclaimers
  { reason: 'disclaimer', rule: 'affiliate-link disclosure', test: short(/\b(?:(?:may )?contains? affiliate(?: and\/or referral)? links|we (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|affiliate commission|(?:income earning|paid) (?:auto )?affiliate links)\b/i, 45) },
  { reason: 'disclaimer', rule: 'editorial-standards pointer', test: short(/^our (?:standards|editorial (?:standards|policy|guidelines))\s*:/i, 25) },
  { reason: 'disclaimer', rule: 'disclaimer line', test: short(/^(?:disclaimer|editor'?s note: this (?:story|article) (?:has been|was) (?:auto|automatically))\b|\b(?:holds? no responsibility for (?:its|the|this) content|(?:auto[- ]?generated|automatically generated|published) from (?:a |the )?(?:syndicated )?(?:[\w-]+ )?(?:news )?(?:wire|feed|service)\b|has not been edited by [\w ]*staff|views expressed (?:here|in this article) are (?:those|the author)|is not responsible for the content)/i, 60) },
  // --- credits (metadata reads these from removed pieces)
  { reason: 'credits', rule: 'reporting/editing credits', test: short(/^\(?\s*(?:(?:additional )?reporting|writing|written|editing|edited|compiled|produced|graphics?|research) by\b.*(?:\)\s*[.]?|\b(?:by|and) [A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+)*\s*[.;]?)$/iu, 70) },
  // --- bylines
  { reason: 'byline', rule: 'byline line ("By A and B")', test: (l, w) => w <= 16 && BYLINE.test(l) && !ENDS_SENTENCE.test(l.replace(/\b[A-Z]\.$/, '')) },
  { reason: 'byline', rule: 'staff byline ("Velmar Daily staff")', test: short(/^(?:by\s+)?(?:[\p{Lu}\d][\p{L}\d.'’&-]*\s+){1,4}(?:staff(?: writers?| reporters?)?|news ?desk|newsroom|correspondents?|wire services?)$/iu, 8) },
  { reason: 'byline', rule: 'author label', test: short(/^(?:[Aa]uthors?|AUTHORS?|[Ww]ritten [Bb]y|WRITTEN BY|[Ww]ords [Bb]y|[Ss]tory [Bb]y|[Pp]osted [Bb]y|[Rr]eported [Bb]y)\s*[:|-]?\s*[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3})*\s*$/u, 14) },
];

const NETWORKS = new Set('facebook twitter x whatsapp linkedin pinterest pint pin reddit telegram tumblr flipboard messenger instagram threads bluesky mastodon vk weibo wechat line xing'.split(' '));
const SHARE_WORDS = new Set('share shares sharing tweet email e mail print copy link save comment comments sms it on via this article story'.split(' '));

/** "Facebook Twitter WhatsApp Email": a row of share buttons flattened to text. */
function isShareBar(line: string): boolean {
  const toks = line.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let nets = 0, other = 0;
  for (const t of toks) {
    if (NETWORKS.has(t)) nets++;
    else if (!SHARE_WORDS.has(t) && !/^\d+$/.test(t)) other++;
  }
  return nets >= 2 && other <= (nets >= 3 ? 1 : 0);
}

/** "By A and B" (a byline on its own). */
export function isByline(text: string): boolean {
  return countWords(text) <= 16 && BYLINE.test(text.trim()) && !ENDS_SENTENCE.test(text.trim().replace(/\b[A-Z]\.$/, ''));
}

/** First rule that matches the line, if any. */
export function matchLineRule(line: string, words: number): LineRule | undefined {
  for (const r of LINE_RULES) if (r.test(line, words)) return r;
  return undefined;
}

/** Word count used by the rules (runs of letters/digits). */
export function countWords(s: string): number {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? []).length;
}
