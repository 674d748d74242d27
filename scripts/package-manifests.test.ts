/**
 * Package manifests validated with xmllint (Debian's libxml2-utils) against the official XSDs: the
 * SCORM ones as carried inside the zip itself (so the test also proves the zip holds them), cmi5's
 * CourseStructure.xsd from scripts/standards/ (Apache-2.0, see the README there).
 *
 * xmllint --schema takes one schema, and a SCORM manifest mixes four or five namespaces that the
 * content-package schema only admits through wildcards. So each test writes a small wrapper schema
 * that imports every namespace the manifest uses; the wildcards then validate those elements
 * strictly instead of skipping them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageEntries, parsePackageArgs, readPackageScenarios, XSD_DIRS } from './package';
import { scenarioIri } from '../src/domain/xapi-iris';
import { cmi5CourseStructure, launchHref, scorm12Manifest, scorm2004Manifest, type PackageFormat } from './package-manifests';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CMI5_XSD = join(ROOT, 'scripts/standards/cmi5/CourseStructure.xsd');

const WRAPPERS: Record<'scorm12' | 'scorm2004', Record<string, string>> = {
  scorm12: {
    // ADL's ims_xml.xsd declares the xml namespace as its default namespace, which libxml2 rejects
    // as a parse error; W3C's own xml.xsd (shipped with the 2004 schemas) defines the same xml:lang.
    'http://www.w3.org/XML/1998/namespace': join(XSD_DIRS.scorm2004, 'xml.xsd'),
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd_rootv1p2p1.xsd',
  },
  scorm2004: {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
};

let work: string;
let fakeDist: string;

beforeAll(() => {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error("xmllint not found: install Debian's libxml2-utils (apt-get install -y libxml2-utils); .ci/run does this");
  work = mkdtempSync(join(tmpdir(), 'catalyst-manifests-'));
  fakeDist = join(work, 'dist');
  mkdirSync(join(fakeDist, 'assets'), { recursive: true });
  mkdirSync(join(fakeDist, '.vite'), { recursive: true });
  writeFileSync(join(fakeDist, 'index.html'), '<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
  writeFileSync(join(fakeDist, 'assets/index-abc.js'), 'console.log(1)');
  writeFileSync(join(fakeDist, 'assets/index-abc.js.map'), '{}');
  writeFileSync(join(fakeDist, '.vite/manifest.json'), '{}');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Unpack a package's entries into a fresh folder and return it. */
function unpack(format: PackageFormat, name: string): { dir: string; files: string[] } {
  const entries = packageEntries(format, fakeDist, readPackageScenarios(join(ROOT, 'scenarios')), '0.1.0');
  const dir = join(work, name);
  for (const [file, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes as Uint8Array);
  }
  return { dir, files: Object.keys(entries) };
}

function xmllint(schema: string, file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function validateScorm(format: 'scorm12' | 'scorm2004', dir: string, manifest = join(dir, 'imsmanifest.xml')) {
  const imports = Object.entries(WRAPPERS[format])
    .map(([ns, loc]) => `  <xs:import namespace="${ns}" schemaLocation="${loc}"/>`)
    .join('\n');
  const wrapper = join(dir, 'all-namespaces.test.xsd');
  writeFileSync(wrapper, `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>\n`);
  return xmllint(wrapper, manifest);
}

describe('SCORM 1.2 package', () => {
  it('has an imsmanifest.xml that the SCORM 1.2 XSDs in the zip accept, one SCO per scenario', () => {
    const { dir, files } = unpack('scorm12', 'scorm12');
    const result = validateScorm('scorm12', dir);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);

    const xml = scorm12Manifest({ scenarios: readPackageScenarios(join(ROOT, 'scenarios'), ['the-glue']), files: ['index.html'] });
    expect(xml).toContain('href="index.html?scenario=the-glue&amp;scorm=1.2"');
    expect(xml).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    // Source maps and Vite's build manifest stay out of the package.
    expect(files).toContain('assets/index-abc.js');
    expect(files).not.toContain('assets/index-abc.js.map');
    expect(files.some((f) => f.startsWith('.vite'))).toBe(false);
    expect(files).toEqual(
      expect.arrayContaining(['imsmanifest.xml', 'imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']),
    );
  });

  it('fails validation for a manifest the schema forbids (the check is real)', () => {
    const { dir } = unpack('scorm12', 'scorm12-bad');
    const bad = join(dir, 'bad.xml');
    writeFileSync(
      bad,
      scorm12Manifest({ scenarios: [{ id: 'a', title: 'A', description: 'B' }], files: ['index.html'] }).replace(
        'adlcp:scormtype="sco"',
        'adlcp:scormtype="lesson"',
      ),
    );
    const result = validateScorm('scorm12', dir, bad);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/scormtype.*lesson|lesson.*scormtype/);
  });
});

describe('SCORM 2004 4th edition package', () => {
  it('has an imsmanifest.xml that the 2004 4th edition XSDs in the zip accept, with mastery as minNormalizedMeasure', () => {
    const { dir, files } = unpack('scorm2004', 'scorm2004');
    const result = validateScorm('scorm2004', dir);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
    expect(files).toEqual(
      expect.arrayContaining(['imsmanifest.xml', 'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'imsss_v1p0.xsd', 'imsss_v1p0util.xsd', 'xml.xsd']),
    );
    const xml = scorm2004Manifest({ scenarios: readPackageScenarios(join(ROOT, 'scenarios'), ['the-glue']), files: ['index.html'] });
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('href="index.html?scenario=the-glue&amp;scorm=2004"');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>');
  });

  it('keeps scenario text as text: markup characters in a title are escaped and still validate', () => {
    const { dir } = unpack('scorm2004', 'scorm2004-escape');
    const odd = join(dir, 'odd.xml');
    writeFileSync(
      odd,
      scorm2004Manifest({ scenarios: [{ id: 'odd', title: '<b>Tom & "Jerry"</b>', description: "it's <script>" }], files: ['index.html'] }),
    );
    expect(validateScorm('scorm2004', dir, odd).ok).toBe(true);
    const bad = join(dir, 'bad.xml');
    writeFileSync(
      bad,
      scorm2004Manifest({ scenarios: [{ id: 'a', title: 'A', description: 'B' }], files: ['index.html'] }).replace(
        '<imsss:minNormalizedMeasure>0.6',
        '<imsss:minNormalizedMeasure>1.6',
      ),
    );
    expect(validateScorm('scorm2004', dir, bad).ok).toBe(false);
  });
});

describe('cmi5 package', () => {
  it('has a cmi5.xml that CourseStructure.xsd accepts, one AU per scenario with mastery score 0.6', () => {
    const { dir, files } = unpack('cmi5', 'cmi5');
    expect(files).toContain('cmi5.xml');
    expect(files.some((f) => f.endsWith('.xsd'))).toBe(false);
    const result = xmllint(CMI5_XSD, join(dir, 'cmi5.xml'));
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
    const scenarios = readPackageScenarios(join(ROOT, 'scenarios'));
    const xml = cmi5CourseStructure({ scenarios });
    expect(xml.match(/<au /g)).toHaveLength(scenarios.length);
    expect(xml).toContain(`<au id="${scenarioIri('the-glue')}" moveOn="CompletedAndPassed" masteryScore="0.6"`);
    expect(xml).toContain(`<url>${launchHref('cmi5', 'the-glue')}</url>`);
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, xml.replace('masteryScore="0.6"', 'masteryScore="60"'));
    expect(xmllint(CMI5_XSD, bad).ok).toBe(false);
  });
});

describe('npm run package parameters', () => {
  it('reads the format and repeated or comma-separated scenarios', () => {
    expect(parsePackageArgs(['--format', 'scorm2004', '--scenario', 'the-glue', '--scenario=craft-leap,the-glue'])).toEqual({
      format: 'scorm2004',
      scenarios: ['the-glue', 'craft-leap'],
      out: 'release',
    });
  });

  it('names the parameter that is wrong', () => {
    expect(() => parsePackageArgs([])).toThrow('--format is required');
    expect(() => parsePackageArgs(['--format', 'zip'])).toThrow('--format zip is not a package format');
    expect(() => parsePackageArgs(['--format', 'cmi5', '--scenario'])).toThrow('--scenario needs a value');
    expect(() => parsePackageArgs(['--format', 'cmi5', '--sceanrio', 'x'])).toThrow('unknown parameter --sceanrio');
    expect(() => readPackageScenarios(join(ROOT, 'scenarios'), ['no-such'])).toThrow('--scenario no-such: no such scenario');
  });

  it('refuses a build that registers a service worker', () => {
    const dist = join(work, 'sw-dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<script>navigator.serviceWorker.register("sw.js")</script>');
    expect(() => packageEntries('cmi5', dist, [], '1')).toThrow('index.html registers a service worker');
  });
});
