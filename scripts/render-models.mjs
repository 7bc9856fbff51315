#!/usr/bin/env node
// Draws every model in processes/ as docs/models/<name>.svg with the libraries Camunda Modeler draws
// with (bpmn-js for BPMN, dmn-js for the decision requirements diagram of a DMN file), in headless
// Chromium. The pictures come from the model files only, never by hand: each records the SHA-256 of
// the model it shows, and `npm run check:pictures` (and ModelPicturesTest in `mvn verify`) fail when a
// model changed and its picture was not drawn again.
//
//   npm run render-models     draw all pictures (Chromium: /usr/bin/chromium, or the path in $CHROMIUM)
//   npm run check:pictures    check that every picture shows its model's current file (no browser needed)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MODELS = join(root, 'processes');
const PICTURES = join(root, 'docs', 'models');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SOURCE = /<!-- rendered from (\S+) sha256:([0-9a-f]{64}) /;

/** The model file's hash, of its text with Unix line ends (a Windows checkout still matches). */
function sha256(modelPath) {
  const text = readFileSync(modelPath, 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function models() {
  return readdirSync(MODELS).filter(f => /\.(bpmn|dmn)$/.test(f)).sort().map(f => join(MODELS, f));
}

function pictureOf(modelPath) {
  return join(PICTURES, modelPath.split('/').pop().replace(/\.(bpmn|dmn)$/, '.svg'));
}

async function render(page, modelPath) {
  const xml = readFileSync(modelPath, 'utf8');
  const kind = modelPath.endsWith('.dmn') ? 'dmn' : 'bpmn';
  const result = await page.evaluate(async ({ xml, kind }) => {
    document.body.innerHTML = '<div id="canvas" style="width: 2400px; height: 1400px"></div>';
    const container = document.getElementById('canvas');
    const viewer = kind === 'bpmn' ? new window.BpmnJS({ container }) : new window.DmnJS({ container });
    const { warnings } = await viewer.importXML(xml);
    let active = viewer;
    if (kind === 'dmn') {
      const drd = viewer.getViews().find(view => view.type === 'drd');
      if (!drd) {
        return { svg: null, warnings: ['no decision requirements diagram (DMNDI) in the model'] };
      }
      await viewer.open(drd);
      active = viewer.getActiveViewer();
    }
    const { svg } = await active.saveSVG();
    viewer.destroy();
    return { svg, warnings: warnings.map(w => w.message) };
  }, { xml, kind });
  if (result.warnings.length > 0 || !result.svg) {
    throw new Error(`${relative(root, modelPath)} does not import cleanly:\n  ${result.warnings.join('\n  ')}`);
  }
  // bpmn-js and dmn-js name arrow-head markers at random; numbered names draw the same picture every time.
  const name = modelPath.split('/').pop().replace(/\.(bpmn|dmn)$/, '');
  const ids = [...new Set([...result.svg.matchAll(/<marker id="([^"]+)"/g)].map(m => m[1]))];
  const stable = ids.reduce((svg, id, i) => svg.split(id).join(`marker-${name}-${i + 1}`), result.svg);
  const source = `<!-- rendered from ${relative(root, modelPath)} sha256:${sha256(modelPath)} `
    + 'by npm run render-models; do not edit -->';
  // saveSVG starts with an XML declaration; the source record goes right after it.
  const svg = stable.replace(/^(<\?xml[^>]*\?>\s*)?/, m => `${m.trim()}\n${source}\n`);
  return svg.endsWith('\n') ? svg : svg + '\n';
}

async function renderAll() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    await page.addScriptTag({ path: require.resolve('dmn-js/dist/dmn-viewer.production.min.js') });
    mkdirSync(PICTURES, { recursive: true });
    for (const model of models()) {
      writeFileSync(pictureOf(model), await render(page, model));
      console.log(`${relative(root, model)} -> ${relative(root, pictureOf(model))}`);
    }
  } finally {
    await browser.close();
  }
}

function checkAll() {
  const stale = [];
  for (const model of models()) {
    const picture = pictureOf(model);
    const source = existsSync(picture) ? SOURCE.exec(readFileSync(picture, 'utf8')) : null;
    if (!source) {
      stale.push(`${relative(root, picture)} is missing or does not say which model it shows`);
    } else if (source[1] !== relative(root, model) || source[2] !== sha256(model)) {
      stale.push(`${relative(root, picture)} shows an older version of ${relative(root, model)}`);
    }
  }
  const names = new Set(models().map(m => pictureOf(m)));
  readdirSync(PICTURES).filter(f => f.endsWith('.svg')).map(f => join(PICTURES, f)).filter(p => !names.has(p))
    .forEach(p => stale.push(`${relative(root, p)} shows a model that no longer exists; delete it`));
  if (stale.length > 0) {
    throw new Error(`Pictures out of date; run npm run render-models and commit docs/models:\n  ${stale.join('\n  ')}`);
  }
  console.log(`${models().length} pictures show their models' current files`);
}

(process.argv.includes('--check') ? Promise.resolve().then(checkAll) : renderAll()).catch(e => {
  console.error(e.message);
  process.exit(1);
});
