/**
 * Fictional articles for the server tests (our own writing; no real events).
 */
export const ferryA = {
  title: 'Ferry service to Greyhaven islands resumes after storm repairs',
  outlet: 'Harbour Gazette',
  url: 'https://harbour-gazette.example/news/ferry-resumes',
  published: '2031-04-12T09:30:00Z',
  author: 'Mira Okonkwo',
  text: [
    'GREYHAVEN, April 12 – The ferry link between Port Ellis and the Greyhaven islands reopened on Saturday after six weeks of repairs to the storm-damaged pier.',
    'Harbour master Tomas Lindqvist said the first crossing carried about 240 passengers and 31 vehicles.',
    '"We rebuilt the landing stage from the seabed up," Lindqvist told reporters at the quay.',
    'The council said the repairs cost 4.2 million crowns, more than the 3 million first estimated.',
  ].join('\n\n'),
};

export const ferryB = {
  title: 'Greyhaven ferry back in service',
  outlet: 'Island Courier',
  url: 'https://island-courier.example/2031/04/12/ferry',
  published: '2031-04-12T11:00:00Z',
  text: [
    'Ferries are sailing to the Greyhaven islands again after the pier at Port Ellis was rebuilt following February storms.',
    'About 250 passengers made the first trip on Saturday morning, according to harbour master Tomas Lindqvist.',
    'Residents of the outer islands had relied on a small supply boat for more than a month.',
  ].join('\n\n'),
};

export const orchard = {
  title: 'Frost threatens apple harvest in the Velmar valley',
  outlet: 'Valley Post',
  published: '2031-05-02',
  text: [
    'Growers in the Velmar valley lit smudge pots through Tuesday night as temperatures fell to minus four degrees.',
    'Cooperative chair Ines Barros said up to a third of the blossom may have been lost.',
  ].join('\n\n'),
};

/** An article whose title and text carry script, event-handler and javascript: payloads. */
export const hostile = {
  title: 'Council vote <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2">',
  outlet: 'Evil <b>Outlet</b>',
  url: 'javascript:window.__pwned=3',
  published: '2031-06-01',
  text: [
    'Councillors in Norbury voted on Monday <script>window.__pwned = 4</script> to close the old tram depot.',
    'Opponents handed out leaflets <img src=x onerror="window.__pwned=5"> and a link <a href="javascript:window.__pwned=6">click here</a> outside the hall.',
    'Mayor Petra Sand said the depot site would become housing.',
  ].join('\n\n'),
};

/** n distinct fictional short articles (for batch, paging and load tests). */
export function manyArticles(n: number, topic = 'lighthouse'): { title: string; text: string; outlet: string; published: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Volunteers repaint ${topic} number ${i + 1}`,
    outlet: `Coast Weekly ${i % 7}`,
    published: new Date(Date.UTC(2031, 6, 1 + (i % 28), 8, i % 60)).toISOString(),
    text: `Volunteers from the Saltmarsh rowing club repainted ${topic} ${i + 1} on the north breakwater over the weekend.\n\nClub secretary Odile Fenwick said ${i + 12} members took part and used ${i + 40} litres of paint.\n\nThe harbour trust thanked the club for work item ${i * 7919}.`,
  }));
}
