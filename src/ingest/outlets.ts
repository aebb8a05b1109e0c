/**
 * Outlet names from URLs (a small table of well-known news hosts plus a readable fallback from the
 * host name) and wire-service names in their canonical short form.
 */

/** Registrable host (no www./m./amp.) -> readable outlet name. */
const HOSTS: Record<string, string> = {
  'reuters.com': 'Reuters',
  'apnews.com': 'AP',
  'ap.org': 'AP',
  'afp.com': 'AFP',
  'bloomberg.com': 'Bloomberg',
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'theguardian.com': 'The Guardian',
  'guardian.co.uk': 'The Guardian',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'npr.org': 'NPR',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'axios.com': 'Axios',
  'thehill.com': 'The Hill',
  'usatoday.com': 'USA Today',
  'latimes.com': 'Los Angeles Times',
  'nypost.com': 'New York Post',
  'newsweek.com': 'Newsweek',
  'time.com': 'Time',
  'cnbc.com': 'CNBC',
  'aljazeera.com': 'Al Jazeera',
  'dw.com': 'DW',
  'france24.com': 'France 24',
  'euronews.com': 'Euronews',
  'lemonde.fr': 'Le Monde',
  'spiegel.de': 'Der Spiegel',
  'telegraph.co.uk': 'The Telegraph',
  'independent.co.uk': 'The Independent',
  'dailymail.co.uk': 'Daily Mail',
  'thetimes.co.uk': 'The Times',
  'news.sky.com': 'Sky News',
  'kyivindependent.com': 'The Kyiv Independent',
  'kyivpost.com': 'Kyiv Post',
  'pravda.com.ua': 'Ukrainska Pravda',
  'ukrinform.net': 'Ukrinform',
  'themoscowtimes.com': 'The Moscow Times',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'rt.com': 'RT',
  'interfax.com': 'Interfax',
  'meduza.io': 'Meduza',
  'theprint.in': 'ThePrint',
  'thehindu.com': 'The Hindu',
  'hindustantimes.com': 'Hindustan Times',
  'timesofindia.indiatimes.com': 'The Times of India',
  'indiatimes.com': 'The Times of India',
  'indianexpress.com': 'The Indian Express',
  'ndtv.com': 'NDTV',
  'aa.com.tr': 'Anadolu Agency',
  'thenationalnews.com': 'The National',
  'khaleejtimes.com': 'Khaleej Times',
  'straitstimes.com': 'The Straits Times',
  'scmp.com': 'South China Morning Post',
  'japantimes.co.jp': 'The Japan Times',
  'abc.net.au': 'ABC News (Australia)',
  'smh.com.au': 'The Sydney Morning Herald',
  'cbc.ca': 'CBC News',
  'globalnews.ca': 'Global News',
  'theglobeandmail.com': 'The Globe and Mail',
  'news.yahoo.com': 'Yahoo News',
  'yahoo.com': 'Yahoo',
  'msn.com': 'MSN',
  'news.google.com': 'Google News',
  'voanews.com': 'Voice of America',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'euractiv.com': 'Euractiv',
  'theatlantic.com': 'The Atlantic',
  'vox.com': 'Vox',
  'huffpost.com': 'HuffPost',
  'businessinsider.com': 'Business Insider',
  'forbes.com': 'Forbes',
  'nydailynews.com': 'New York Daily News',
  'people.com': 'People',
  'usmagazine.com': 'Us Weekly',
  'eonline.com': 'E! News',
  'tmz.com': 'TMZ',
  'accesshollywood.com': 'Access Hollywood',
  'today.com': 'TODAY',
  'chicagotribune.com': 'Chicago Tribune',
  'sfgate.com': 'SFGate',
  'boston.com': 'Boston.com',
  'bostonglobe.com': 'The Boston Globe',
  'mercurynews.com': 'The Mercury News',
  'nj.com': 'NJ.com',
  'seattletimes.com': 'The Seattle Times',
  'miamiherald.com': 'Miami Herald',
  'dailytelegraph.com.au': 'The Daily Telegraph (Sydney)',
  'news.com.au': 'news.com.au',
  'irishtimes.com': 'The Irish Times',
  'rte.ie': 'RTÉ',
  'thestar.com': 'Toronto Star',
  'nationalpost.com': 'National Post',
  'ctvnews.ca': 'CTV News',
  'huffingtonpost.com': 'HuffPost',
  'mashable.com': 'Mashable',
  'theverge.com': 'The Verge',
  'techcrunch.com': 'TechCrunch',
  'wired.com': 'Wired',
  'arstechnica.com': 'Ars Technica',
  'engadget.com': 'Engadget',
  'zdnet.com': 'ZDNet',
  'cnet.com': 'CNET',
};

/** Second-level labels under which registrable domains sit (example.co.uk, example.com.au...). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** The outlet a URL belongs to: a known name, else a readable name made from the host. */
export function outletFromUrl(url: string): string | null {
  const host = hostOf(url);
  if (!host || /^[\d.]+$/.test(host) || host === 'localhost' || !host.includes('.')) return null;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const h = labels.slice(i).join('.');
    if (HOSTS[h]) return HOSTS[h];
  }
  // Generic fallback: the registrable label, split on hyphens and capitalised ("daily-courier.co.uk" -> "Daily Courier").
  let idx = labels.length - 2;
  if (idx > 0 && SECOND_LEVEL.has(labels[idx]) && labels[labels.length - 1].length === 2) idx--;
  const label = labels[idx];
  if (!label) return null;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => (w.length <= 3 && labels[idx].length <= 4 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Wire-service spellings -> canonical short name. */
const WIRE_NAMES: [RegExp, string][] = [
  [/^(?:thomson\s+)?reuters(?:\s+news(?:\s+service)?)?$/i, 'Reuters'],
  [/^(?:the\s+)?associated\s+press$|^ap$/i, 'AP'],
  [/^agence\s+france[-\s]presse$|^afp$/i, 'AFP'],
  [/^united\s+press\s+international$|^upi$/i, 'UPI'],
  [/^bloomberg(?:\s+news)?$/i, 'Bloomberg'],
  [/^dpa$|^deutsche\s+presse[-\s]agentur$/i, 'dpa'],
  [/^ani$|^asian\s+news\s+international$/i, 'ANI'],
  [/^pti$|^press\s+trust\s+of\s+india$/i, 'PTI'],
  [/^ians$/i, 'IANS'],
  [/^xinhua(?:\s+news\s+agency)?$/i, 'Xinhua'],
  [/^tass$/i, 'TASS'],
  [/^interfax$/i, 'Interfax'],
  [/^kyodo(?:\s+news)?$/i, 'Kyodo'],
  [/^yonhap$/i, 'Yonhap'],
  [/^ansa$/i, 'ANSA'],
  [/^efe$/i, 'EFE'],
  [/^anadolu(?:\s+agency)?$/i, 'Anadolu'],
];

/** Regex source matching any wire-service spelling (for use inside bigger patterns). */
export const WIRE_PATTERN =
  '(?:Thomson\\s+)?Reuters|The\\s+Associated\\s+Press|Associated\\s+Press|AP|Agence\\s+France[-\\s]Presse|AFP|United\\s+Press\\s+International|UPI|Bloomberg(?:\\s+News)?|dpa|DPA|Deutsche\\s+Presse-Agentur|ANI|PTI|Press\\s+Trust\\s+of\\s+India|IANS|Xinhua|TASS|Interfax|Kyodo|Yonhap|ANSA|EFE|Anadolu(?:\\s+Agency)?';

/** Canonical wire name for a spelling, or null when it is not a wire service. */
export function canonicalWire(name: string): string | null {
  const s = name.trim().replace(/\s+/g, ' ');
  for (const [re, canon] of WIRE_NAMES) if (re.test(s)) return canon;
  return null;
}
