/**
 * The works the review cites, as it names them. Every item of the framework carries its sources
 * as citations built from this registry, so a source can never be cited without being listed.
 */

export interface Work {
  /** Short stable key: first author(s) in lower case plus year, e.g. "oviatt_mcdougall_2005". */
  key: WorkKey;
  /** Author(s) as the review names them; "&" joins two authors, "et al." marks more. */
  author: string;
  year: number;
  /** Letter the review uses to tell apart two works of the same authors and year. */
  suffix?: "a" | "b";
  /** Full name when the author is an organization known by an acronym. */
  organization?: string;
}

/** A source as an item carries it: {author, year} as the review gives them, plus the registry key. */
export interface Citation {
  key: WorkKey;
  author: string;
  year: number;
  suffix?: "a" | "b";
}

const works = {
  acs_1997: { author: "Acs et al.", year: 1997 },
  autio_2000: { author: "Autio et al.", year: 2000 },
  bell_2003: { author: "Bell et al.", year: 2003 },
  bell_2004: { author: "Bell et al.", year: 2004 },
  brush_2002: { author: "Brush et al.", year: 2002 },
  clarysse_2005: { author: "Clarysse et al.", year: 2005 },
  crick_2004: { author: "Crick", year: 2004 },
  de_clerq_2005: { author: "De Clerq et al.", year: 2005 },
  dimitratos_2004: { author: "Dimitratos et al.", year: 2004 },
  dti_2004: { author: "DTI", year: 2004, organization: "Department of Trade and Industry" },
  eim_2005: { author: "EIM", year: 2005 },
  johanson_vahlne_1977: { author: "Johanson & Vahlne", year: 1977 },
  jones_coviello_2005: { author: "Jones & Coviello", year: 2005 },
  luostarinen_gabrielsson_2004: { author: "Luostarinen & Gabrielsson", year: 2004 },
  mcdougall_oviatt_2000: { author: "McDougall & Oviatt", year: 2000 },
  obrecht_2004: { author: "Obrecht", year: 2004 },
  oecd_2002: {
    author: "OECD",
    year: 2002,
    organization: "Organization for Economic Co-Operation and Development",
  },
  ofarrell_1998: { author: "O'Farrell et al.", year: 1998 },
  oviatt_mcdougall_2005: { author: "Oviatt & McDougall", year: 2005 },
  pfeffer_salancik_1978: { author: "Pfeffer & Salancik", year: 1978 },
  westhead_2001: { author: "Westhead et al.", year: 2001 },
  westhead_2002: { author: "Westhead et al.", year: 2002 },
  westhead_2004a: { author: "Westhead et al.", year: 2004, suffix: "a" },
  westhead_2004b: { author: "Westhead et al.", year: 2004, suffix: "b" },
  westhead_2005: { author: "Westhead et al.", year: 2005 },
  young_2003: { author: "Young et al.", year: 2003 },
  zahra_2005: { author: "Zahra", year: 2005 },
  zahra_2000: { author: "Zahra et al.", year: 2000 },
  zahra_george_2002: { author: "Zahra & George", year: 2002 },
} as const satisfies Record<string, Omit<Work, "key">>;

export type WorkKey = keyof typeof works;

/** The registry, keyed by work. */
export const WORKS: Readonly<Record<WorkKey, Work>> = Object.fromEntries(
  Object.entries(works).map(([key, w]) => [key, { key, ...w }]),
) as Record<WorkKey, Work>;

export const WORK_KEYS = Object.keys(works) as WorkKey[];

/** Citations for the given works, in the order given. */
export function cite(...keys: WorkKey[]): readonly Citation[] {
  return keys.map((key) => {
    const w = WORKS[key];
    return w.suffix === undefined
      ? { key, author: w.author, year: w.year }
      : { key, author: w.author, year: w.year, suffix: w.suffix };
  });
}

/** "Westhead et al. 2004a" — the form used in text output. */
export function formatCitation(c: Citation): string {
  return `${c.author} ${c.year}${c.suffix ?? ""}`;
}

/** "Crick 2004; Bell et al. 2003". */
export function formatCitations(cs: readonly Citation[]): string {
  return cs.map(formatCitation).join("; ");
}
