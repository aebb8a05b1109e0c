/**
 * Fictional news articles for the cluster tests (our own writing; every place, person and event
 * is invented). Two different fires in one town, a wire story with its copies and a rewrite,
 * and an unrelated story.
 */
import type { Article } from '../../src/types.js';

let seq = 0;
export function art(id: string, text: string, meta: Partial<Article['metadata']> = {}): Article {
  const paras = text.split(/\n\n+/).map((p) => p.trim()).filter(Boolean);
  let off = 0;
  const paragraphs = paras.map((p) => {
    const r = { kind: 'paragraph' as const, text: p, start: off };
    off += p.length + 2;
    return r;
  });
  return {
    id,
    origin: `test/${id}.txt`,
    format: 'text',
    metadata: { byline: [], language: 'en', fieldSources: {}, ...meta },
    paragraphs,
    text: paras.join('\n\n'),
    removed: [],
    seq: ++seq,
    ingestedAt: '2031-05-01T00:00:00.000Z',
  };
}

export const FIRE_WAREHOUSE_1 = `A fire tore through a timber warehouse on Millbrook Lane in Harrowfield early on Tuesday, injuring two workers and sending a plume of black smoke over the river district.

Fire chief Dana Okafor said crews from four stations fought the blaze at the Penrose Timber yard for more than five hours before bringing it under control.

The two injured workers, both night-shift loaders, were taken to Harrowfield General with burns, Okafor said. Their injuries were not life-threatening.

Penrose Timber owner Gilbert Ashdown said the warehouse held about 3,000 tonnes of seasoned oak and that the cause was not yet known.`;

export const FIRE_WAREHOUSE_2 = `Investigators are examining an electrical panel at the Penrose Timber warehouse on Millbrook Lane after Tuesday's blaze, Harrowfield fire chief Dana Okafor said.

The fire at the timber yard burned for five hours and left two night-shift loaders in Harrowfield General with burns.

Gilbert Ashdown, who owns Penrose Timber, said he would rebuild and keep all 40 staff on the payroll while the oak stock is assessed.`;

export const FIRE_WAREHOUSE_3 = `Penrose Timber owner Gilbert Ashdown thanked Harrowfield firefighters on Wednesday, a day after flames gutted his Millbrook Lane warehouse and hurt two loaders.

Chief Dana Okafor said an electrical fault in the warehouse was the likely cause of the timber yard fire.`;

export const FIRE_FLATS_1 = `Fourteen residents of a block of flats on Quarry Hill in Harrowfield were left homeless on Saturday after a kitchen fire spread through the top floor of Linnet Court.

Station officer Marcus Lindqvist said a pan left on a hob caught fire in a third-floor flat. Firefighters rescued an elderly woman, Agnes Pellow, 87, by ladder.

The Harrowfield housing trust, which owns Linnet Court, said the displaced families would stay at the Quarry Hill community centre.`;

export const FIRE_FLATS_2 = `Agnes Pellow, the 87-year-old rescued by ladder from Linnet Court on Quarry Hill, is recovering well, her grandson said on Sunday.

Station officer Marcus Lindqvist said the kitchen fire began when a pan was left on a hob. The housing trust is sheltering the fourteen displaced residents at the Quarry Hill community centre.`;

export const WIRE_ORIGINAL = `PORT ALDREN, March 4 (Reuters) - Ferry crews in Port Aldren walked off the job on Monday, stranding thousands of passengers on the Veltra islands as a dispute over night-shift pay escalated.

The Aldren Maritime Union said 600 deckhands and engineers joined the strike after talks with the ferry operator Skerrin Lines collapsed late on Sunday.

Union leader Tomasz Brevik told reporters the crews would stay out for 72 hours unless Skerrin restored the night premium it cut in January.

Skerrin Lines chief executive Ilse Vandermeer said the company had offered a 4 percent rise and called the strike reckless.

The Veltra islands depend on the ferries for food and fuel, and the regional council said it would charter two cargo boats to keep shops supplied.

Passengers queued at the Aldren terminal from dawn, many of them students returning to the islands after the winter break.

(Reporting by Nadia Ferrante; editing by Carl Osgood)`;

export const WIRE_WRAPPED = `Home | World | Business | Sport
Ferry strike strands passengers in Port Aldren

${WIRE_ORIGINAL}

This story was published from a Reuters wire feed without modification by the Coastline Herald.
Sign up for our morning newsletter
Share this article`;

/** The first three paragraphs, no dateline, no credit line: a trimmed copy with no wire marker. */
export const WIRE_TRIMMED = WIRE_ORIGINAL.split('\n\n')
  .slice(0, 4)
  .join('\n\n')
  .replace(/^PORT ALDREN, March 4 \(Reuters\) - /, '');

export const WIRE_REWRITE = `Thousands of travellers were left stuck on the Veltra islands on Monday after ferry workers in Port Aldren went on strike over cuts to night-shift pay.

Some 600 deckhands and engineers from the Aldren Maritime Union stopped work once negotiations with operator Skerrin Lines broke down on Sunday night, the union said.

Tomasz Brevik, who leads the union, said the walkout would last 72 hours unless Skerrin brought back the night premium it removed in January.

Ilse Vandermeer, chief executive of Skerrin Lines, described the strike as reckless and said staff had been offered a 4 percent pay rise.

The regional council plans to charter two cargo boats so that island shops keep receiving food and fuel, which normally arrive by ferry.

Many of the passengers waiting at the Aldren terminal since dawn were students going back to the islands after their winter holidays.`;

/** Same topic and town as the wire story, but its own reporting: an independent source. */
export const FERRY_INDEPENDENT = `Shopkeepers on the Veltra islands said on Monday they had enough bread and milk for two days as the ferry strike in Port Aldren entered its first day.

At the harbour in Veltra Minor, grocer Petra Holm said her deliveries from the mainland stopped on Sunday night. "We are rationing fuel for the bakery," she said.

Island councillor Ruben Achterberg said he had asked Skerrin Lines and the Aldren Maritime Union to let one supply crossing run each day during the strike.

Fishermen offered to carry medicines across the strait, Achterberg said, and the island clinic reported no shortages so far.`;

export const UNRELATED = `The Harrowfield council voted 9 to 4 on Thursday to approve a new cycle lane along Canal Road, ending a two-year argument over parking spaces.

Councillor Hema Ransome, who proposed the scheme, said the lane would link the railway station to the university campus by next spring.

Shop owners on Canal Road had petitioned against the loss of 60 parking bays. The council agreed to open a car park behind the old post office as a replacement.`;
