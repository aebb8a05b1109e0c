// Unit tests of the slot parsers and their compatibility rules, on our own fictional sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/crosscheck/nlp.js';
import { daysCompatible, numbersCompatible, parseDays, parseNumbers, parseQuotes, parseRoles, personKey, rolesConflict } from '../../src/crosscheck/slots.js';

const nums = (t: string) => parseNumbers(analyse(t)[0]);
const roles = (t: string) => parseRoles(analyse(t)[0]);

test('numbers keep hedges, units and the verb they belong to', () => {
  const [a] = nums('The hearing lasted about three hours, the clerk said.');
  assert.equal(a.value, 3);
  assert.equal(a.hedge, 'about');
  assert.equal(a.unit, 'hour');
  assert.equal(a.verb, 'last');
  assert.equal(a.duration, true);
  const [b] = nums('Crews evacuated some 2,400 residents from the valley.');
  assert.equal(b.value, 2400);
  assert.equal(b.unit, 'people');
  assert.equal(b.verb, 'evacuate');
  const [m] = nums('The fund lost far over a million dollars in the scheme.');
  assert.equal(m.value, 1e6);
  assert.equal(m.hedge, 'more-than');
  const [d] = nums('The council approved a $48 million budget for the tunnel.');
  assert.equal(d.unit, 'usd');
  assert.equal(d.text, '$48 million');
});

test('ordinals, years, dates, clock times and citation markers are not counts', () => {
  assert.deepEqual(nums('It was the fourth fire this year and the 14th call since 2019.').map((n) => n.text), []);
  assert.deepEqual(nums('The ferry left on March 3 at 11 p.m. with its crew [4].').map((n) => n.text), []);
  assert.deepEqual(nums('A five-year-old boy and a 27-point plan were mentioned.').map((n) => n.text), []);
});

test('"some four hours" vs "about three hours" conflict; "about 1,500" vs "1,500" do not', () => {
  const [four] = nums('The talks lasted some four hours.');
  const [three] = nums('The talks lasted about three hours.');
  assert.equal(numbersCompatible(four, three), false);
  const [a] = nums('Police moved about 1,500 residents out.');
  const [b] = nums('Police moved 1,500 residents out.');
  assert.equal(numbersCompatible(a, b), true);
  const [more] = nums('More than 10 cars were damaged.');
  const [fourteen] = nums('Fourteen cars were damaged.');
  assert.equal(numbersCompatible(more, fourteen), true);
});

test('days resolve against the publication date and compare as intervals', () => {
  // published Monday 2026-03-09
  const [late] = parseDays('The fire broke out late Sunday near the mill.', '2026-03-09', null);
  const [sat] = parseDays('The fire broke out Saturday night near the mill.', '2026-03-09', null);
  const [early] = parseDays('The fire was out early Sunday.', '2026-03-09', null);
  assert.equal(late.date, '2026-03-08');
  assert.equal(sat.date, '2026-03-07');
  assert.equal(daysCompatible(late, sat), false);
  assert.equal(daysCompatible(sat, early), true, 'Saturday night runs into early Sunday');
  const [fut] = parseDays('The inquiry will open on Thursday.', '2026-03-09', null);
  assert.equal(fut.date, '2026-03-12');
  const [dec] = parseDays('They first met at a December 3 meeting.', '2026-01-20', 2026);
  assert.equal(dec.date, '2025-12-03', 'a December date in a January article is last year');
  const [start] = parseDays('A two-day summit starting on May 4 was announced.', '2026-05-01', null);
  const [into] = parseDays('The summit will continue into May 5.', '2026-05-01', null);
  assert.equal(daysCompatible(start, into), true);
});

test('roles: former/deputy/domain differences conflict, detail does not', () => {
  const [former] = roles('Meanwhile, former President Alma Ruiz opened the bridge.');
  const [pres] = roles('President Alma Ruiz opened the bridge.');
  const [natl] = roles('Norland President Alma Ruiz opened the bridge.');
  assert.equal(former.person, 'ruiz');
  assert.deepEqual(former.status, ['tenure']);
  assert.equal(rolesConflict(former, pres), true);
  assert.equal(rolesConflict(natl, pres), false);
  const [fire] = roles('Fire Chief Dana Okoro said the roof had collapsed.');
  const [police] = roles('Police Chief Dana Okoro said the roof had collapsed.');
  assert.equal(rolesConflict(fire, police), true);
  const [aideA] = roles('Palace aide Pim Vos spoke first.');
  const [aideB] = roles('Queen aide Pim Vos spoke first.');
  assert.equal(rolesConflict(aideA, aideB), false);
  const [app] = roles('Rhea Tam, Secretary of the Harbour Board, signed the order.');
  assert.equal(app.person, 'tam');
  assert.equal(app.head, 'secretary');
});

test('person keys fold transliteration endings', () => {
  assert.equal(personKey('Oleksiy Marchenkiy'), personKey('Oleksiy Marchenkyy'));
  assert.equal(personKey('Marchenky'), personKey('Marchenkiy'));
  assert.notEqual(personKey('Ivo Dmitrov'), personKey('Ivo Budanov'));
});

test('quotes: speaker after, before, pronoun, split forms', () => {
  const q1 = parseQuotes('“We will rebuild the pier before summer,” Mayor Ana Lind said on Friday.');
  assert.equal(q1[0].kind, 'direct');
  assert.equal(q1[0].speakerText, 'Mayor Ana Lind');
  const q2 = parseQuotes('Lind added: “Nobody will be left without a home this winter.”');
  assert.equal(q2[0].speakerText, 'Lind');
  const q3 = parseQuotes('“The water is safe to drink again,” he said.');
  assert.equal(q3[0].pronoun, true);
  const q4 = parseQuotes('“It was a close call for the town,” said Chief Ben Oru.');
  assert.match(q4[0].speakerText ?? '', /Ben Oru/);
  const q5 = parseQuotes('She called the plan “a good start”.');
  assert.equal(q5[0].kind, 'partial');
});
