import { FESTIVAL_FULL_NAMES, FESTIVAL_SUGGESTIONS, type FestivalName } from '../../../domain/festival-names';

const isKnown = (name: string): name is FestivalName => name in FESTIVAL_FULL_NAMES;

/** The festival's full name; a name the list does not know is shown as the server gave it. */
export function festivalFullName(name: string): string {
  return isKnown(name) ? FESTIVAL_FULL_NAMES[name] : name;
}

/** The item suggested for a festival; an unknown festival gets "<name>节日活动". */
export function suggestionFor(name: string): { title: string; category: string } {
  return isKnown(name) ? FESTIVAL_SUGGESTIONS[name] : { title: `${name}节日活动`, category: '其他' };
}
