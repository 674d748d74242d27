/**
 * Manifests for LMS packages, generated from the scenario list: `imsmanifest.xml` for SCORM 1.2
 * and SCORM 2004 4th edition, `cmi5.xml` (cmi5 course structure). Pure string builders, so tests
 * validate exactly what `npm run package` writes (see package-manifests.test.ts: xmllint against
 * the official XSDs).
 *
 * One scenario = one SCO / assignable unit, launched at `index.html?scenario=<id>` (plus
 * `&scorm=1.2|2004` for SCORM, which tells the app which API to look for). The query string sits in
 * the resource's href rather than in an item's `parameters` attribute: LMSs append launch data to
 * the href as-is, and not all of them honour `parameters`.
 */
import { scenarioIri } from '../src/domain/xapi-iris';

export type PackageFormat = 'scorm12' | 'scorm2004' | 'cmi5';
export const PACKAGE_FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004', 'cmi5'];

/** Share of partnering responses that passes (issue 8: mastery score 0.6). */
export const MASTERY_SCORE = 0.6;

export interface PackageScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface ManifestOptions {
  readonly scenarios: readonly PackageScenario[];
  /** Files of the built site, relative to the package root (forward slashes). */
  readonly files: readonly string[];
  readonly courseTitle?: string;
  readonly courseDescription?: string;
  /** Package version, e.g. the app's package.json version. */
  readonly version?: string;
}

export const COURSE_TITLE = 'Catalyst coaching practice';
export const COURSE_DESCRIPTION =
  'Branching practice conversations for coaches: each scenario is one conversation with a client, with feedback on every response and a debrief at the end.';

/** Stable IRIs for cmi5: the course and each assignable unit (also the xAPI activity id the LMS passes). */
export const COURSE_IRI = 'urn:catalyst:course';

/** XSDs a SCORM package carries at its root, as the CAM expects (file names from the ADL kits). */
export const SCORM12_XSDS = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'] as const;
export const SCORM2004_XSDS = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'XMLSchema.dtd',
  'datatypes.dtd',
] as const;

/** Escape text and attribute values: scenario text is content, never markup. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One SCO resource per scenario: the site's index.html, launched with the scenario in the query. */
function scoResources(o: ManifestOptions, format: 'scorm12' | 'scorm2004'): string {
  // SCORM 1.2 spells the attribute adlcp:scormtype, SCORM 2004 adlcp:scormType.
  const typeAttr = format === 'scorm12' ? 'scormtype' : 'scormType';
  return o.scenarios
    .map(
      (
        s,
      ) => `    <resource identifier="${ident('sco', s.id)}" type="webcontent" adlcp:${typeAttr}="sco" href="${xmlEscape(launchHref(format, s.id))}">
      <file href="index.html"/>
      <dependency identifierref="catalyst-site"/>
    </resource>`,
    )
    .join('\n');
}

/** SCORM identifiers are xs:ID: they may not start with a digit; scenario ids are kebab-case. */
const ident = (prefix: string, id: string) => `${prefix}-${id}`;

export const launchHref = (format: PackageFormat, id: string): string =>
  format === 'cmi5' ? `index.html?scenario=${id}` : `index.html?scenario=${id}&scorm=${format === 'scorm12' ? '1.2' : '2004'}`;

const fileList = (files: readonly string[], indent: string) => files.map((f) => `${indent}<file href="${xmlEscape(f)}"/>`).join('\n');

export function scorm12Manifest(o: ManifestOptions): string {
  const title = o.courseTitle ?? COURSE_TITLE;
  const items = o.scenarios
    .map(
      (s) => `      <item identifier="${ident('item', s.id)}" identifierref="${ident('sco', s.id)}" isvisible="true">
        <title>${xmlEscape(s.title)}</title>
        <metadata>
          <imsmd:lom>
            <imsmd:general>
              <imsmd:title><imsmd:langstring xml:lang="en">${xmlEscape(s.title)}</imsmd:langstring></imsmd:title>
              <imsmd:description><imsmd:langstring xml:lang="en">${xmlEscape(s.description)}</imsmd:langstring></imsmd:description>
            </imsmd:general>
          </imsmd:lom>
        </metadata>
        <adlcp:masteryscore>${Math.round(MASTERY_SCORE * 100)}</adlcp:masteryscore>
      </item>`,
    )
    .join('\n');
  const resources = scoResources(o, 'scorm12');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="catalyst-scorm12" version="${xmlEscape(o.version ?? '1')}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="en">${xmlEscape(title)}</imsmd:langstring></imsmd:title>
        <imsmd:description><imsmd:langstring xml:lang="en">${xmlEscape(o.courseDescription ?? COURSE_DESCRIPTION)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="catalyst">
    <organization identifier="catalyst">
      <title>${xmlEscape(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="catalyst-site" type="webcontent" adlcp:scormtype="asset">
${fileList(o.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition. Mastery: the primary objective is satisfied by measure with
 * minNormalizedMeasure 0.6, which the LMS hands the SCO as cmi.scaled_passing_score. Descriptions
 * go in inline IEEE LOM (the content package schema admits it; the LOM schema itself is not carried).
 */
export function scorm2004Manifest(o: ManifestOptions): string {
  const title = o.courseTitle ?? COURSE_TITLE;
  const lom = (t: string, d: string, indent: string) => `${indent}<metadata>
${indent}  <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
${indent}    <general>
${indent}      <title><string language="en">${xmlEscape(t)}</string></title>
${indent}      <description><string language="en">${xmlEscape(d)}</string></description>
${indent}    </general>
${indent}  </lom>
${indent}</metadata>`;
  const items = o.scenarios
    .map(
      (s) => `      <item identifier="${ident('item', s.id)}" identifierref="${ident('sco', s.id)}" isvisible="true">
        <title>${xmlEscape(s.title)}</title>
${lom(s.title, s.description, '        ')}
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${ident('partnering', s.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${MASTERY_SCORE}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>`,
    )
    .join('\n');
  const resources = scoResources(o, 'scorm2004');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="catalyst-scorm2004" version="${xmlEscape(o.version ?? '1')}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="catalyst">
    <organization identifier="catalyst">
      <title>${xmlEscape(title)}</title>
${items}
${lom(title, o.courseDescription ?? COURSE_DESCRIPTION, '      ')}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="catalyst-site" type="webcontent" adlcp:scormType="asset">
${fileList(o.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** cmi5 course structure: one AU per scenario, passed at the mastery score, moveOn CompletedAndPassed. */
export function cmi5CourseStructure(o: Omit<ManifestOptions, 'files'>): string {
  const text = (t: string) => `<langstring lang="en">${xmlEscape(t)}</langstring>`;
  const aus = o.scenarios
    .map(
      (
        s,
      ) => `  <au id="${xmlEscape(scenarioIri(s.id))}" moveOn="CompletedAndPassed" masteryScore="${MASTERY_SCORE}" launchMethod="AnyWindow">
    <title>${text(s.title)}</title>
    <description>${text(s.description)}</description>
    <url>${xmlEscape(launchHref('cmi5', s.id))}</url>
  </au>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${COURSE_IRI}">
    <title>${text(o.courseTitle ?? COURSE_TITLE)}</title>
    <description>${text(o.courseDescription ?? COURSE_DESCRIPTION)}</description>
  </course>
${aus}
</courseStructure>
`;
}
