#!/usr/bin/env node
// Renders every model in processes/ to docs/models/<name>.svg with the same libraries Camunda
// Modeler draws with (bpmn-js, dmn-js), in headless Chromium. The pictures are made from the model
// files only, never drawn by hand: each SVG records the SHA-256 of the model it shows, and
// `npm run check:pictures` (and ModelPicturesTest in `mvn verify`) fail when a model changed and its
// picture was not rendered again.
//
//   npm run render-models            render all pictures
//   npm run check:pictures           render into memory and compare with the committed pictures
//
// Chromium: /usr/bin/chromium (Debian package `chromium`), or the path in $CHROMIUM.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MODELS = join(root, 'processes');
const PICTURES = join(root, 'docs', 'models');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The record a picture carries of the model it was rendered from (hashed with Unix line ends). */
function sourceComment(modelPath, modelText) {
  const sha = createHash('sha256').update(modelText.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
  return `<!-- rendered from ${relative(root, modelPath)} sha256:${sha} by npm run render-models; do not edit -->`;
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
    if (kind === 'bpmn') {
      const viewer = new window.BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return { svg, warnings: warnings.map(w => w.message) };
    }
    const viewer = new window.DmnJS({ container });
    const { warnings } = await viewer.importXML(xml);
    const drd = viewer.getViews().find(view => view.type === 'drd');
    if (!drd) {
      return { svg: null, warnings: ['no decision requirements diagram (DMNDI) in the model'] };
    }
    await viewer.open(drd);
    const { svg } = await viewer.getActiveViewer().saveSVG();
    viewer.destroy();
    return { svg, warnings: warnings.map(w => w.message) };
  }, { xml, kind });
  if (result.warnings.length > 0 || !result.svg) {
    throw new Error(`${relative(root, modelPath)} does not import cleanly:\n  ${result.warnings.join('\n  ')}`);
  }
  // bpmn-js and dmn-js name arrow-head markers at random; numbered names make the picture the same at
  // every run.
  const name = modelPath.split('/').pop().replace(/\.(bpmn|dmn)$/, '');
  const ids = [...new Set([...result.svg.matchAll(/<marker id="([^"]+)"/g)].map(m => m[1]))];
  const stable = ids.reduce((svg, id, i) => svg.split(id).join(`marker-${name}-${i + 1}`), result.svg);
  // saveSVG starts with an XML declaration; the source record goes right after it.
  const svg = stable.replace(/^(<\?xml[^>]*\?>\s*)?/, m => `${m.trim()}\n${sourceComment(modelPath, xml)}\n`);
  return svg.endsWith('\n') ? svg : svg + '\n';
}

async function main() {
  const check = process.argv.includes('--check');
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const stale = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    await page.addScriptTag({ path: require.resolve('dmn-js/dist/dmn-viewer.production.min.js') });
    mkdirSync(PICTURES, { recursive: true });
    for (const model of models()) {
      const svg = await render(page, model);
      const picture = pictureOf(model);
      if (check) {
        if (!existsSync(picture) || readFileSync(picture, 'utf8') !== svg) {
          stale.push(relative(root, picture));
        }
      } else {
        writeFileSync(picture, svg);
        console.log(`${relative(root, model)} -> ${relative(root, picture)}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (stale.length > 0) {
    console.error(`These pictures do not match their models; run npm run render-models and commit them:\n  ${
      stale.join('\n  ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch(e => {
    console.error(e.message);
    process.exit(1);
  });
}
