// Checks web showcases in Debian's headless Chromium, as a reader's browser would show them:
//   node check.mjs SITE[:sample] ...
// For each site: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules (0 violations), no sideways
// scrolling at 320 CSS px, no request leaving the folder, every local link resolving, and on the
// home page a keyboard-only walk that reaches search, every filter and the map, a search announced
// to screen readers, and the lists reachable with JavaScript off. ":sample" checks the first five
// pages of each kind (for large generated sites) and ten exhibits with right-to-left text.
// Two pages are checked at a time, one per core. Prints figures; exits 1 on any failure.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";

const failures = [];
function fail(site, page, message) {
  failures.push(`${site}/${page}: ${message}`);
}

function htmlFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith(".html")) {
        found.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  return found.sort();
}

// The kind of a page: its folder, with list indexes and further pages told apart.
function kindOf(page) {
  const folder = path.dirname(page);
  const name = path.basename(page);
  if (folder === ".") return name;
  if (name === "index.html") return `${folder}/index`;
  return name.includes("-page-") || name.startsWith("page-") ? `${folder}/paged` : folder;
}

function choosePages(root, pages, sample) {
  if (!sample) return pages;
  const seen = new Map();
  let rightToLeft = 0;
  return pages.filter((page) => {
    const kind = kindOf(page);
    const n = (seen.get(kind) || 0) + 1;
    seen.set(kind, n);
    if (n <= 5) return true;
    if (kind === "exhibit" && rightToLeft < 10 && /[\u0590-\u08ff]/.test(fs.readFileSync(path.join(root, page), "utf8"))) {
      rightToLeft++;
      return true;
    }
    return false;
  });
}

async function checkSite(browser, root, sample) {
  const site = path.basename(root);
  const rootUrl = pathToFileURL(root + path.sep).href;
  const pages = htmlFiles(root);
  const chosen = choosePages(root, pages, sample);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Loaded with every page: compiling axe once per page costs less than injecting it after.
  await context.addInitScript({ content: axeSource });
  const outside = [];
  // Watched rather than intercepted: routing every request through this script is slow.
  context.on("request", (request) => {
    if (!request.url().startsWith(rootUrl)) {
      outside.push(request.url());
    }
  });
  let violations = 0;
  let wide = 0;
  let links = 0;
  const started = Date.now();
  const checkPages = async (files) => {
    const page = await context.newPage();
    page.on("pageerror", (error) => fail(site, page.url().slice(rootUrl.length), `script error: ${error.message}`));
    for (const file of files) {
      const url = new URL(file, rootUrl).href;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
        wcag,
      );
      for (const violation of result.violations) {
        violations += violation.nodes.length;
        fail(site, file, `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`);
      }
      // Every link to a page of the site names a file that is there.
      const hrefs = await page.$$eval("a[href]", (anchors) => anchors.map((a) => new URL(a.getAttribute("href"), document.baseURI).href));
      for (const href of hrefs) {
        if (!href.startsWith("file:")) continue;
        links++;
        const target = fileURLToPath(href.split("#")[0]);
        if (!fs.existsSync(target)) fail(site, file, `link to a missing file ${href}`);
      }
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) {
        wide++;
        fail(site, file, `scrolls sideways by ${overflow}px at 320 px wide`);
      }
    }
    return page;
  };
  const [page] = await Promise.all([
    checkPages(chosen.filter((_, i) => i % 2 === 0)),
    checkPages(chosen.filter((_, i) => i % 2 === 1)),
  ]);
  console.log(`${site}: ${chosen.length} of ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
    `axe violations ${violations}; sideways at 320 px ${wide}; local links checked ${links}; requests outside the folder ${outside.length}`);
  for (const url of outside) fail(site, "-", `requested ${url}`);

  await checkHomePage(page, site, rootUrl);
  await context.close();
  await checkWithoutScript(browser, site, rootUrl);
}

async function checkHomePage(page, site, rootUrl) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(new URL("index.html", rootUrl).href);
  // Keyboard only: Tab from the top of the page, noting where focus goes.
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return "body";
      if (e.closest("svg")) return "map";
      return e.id || `${e.tagName.toLowerCase()}:${(e.textContent || "").trim().slice(0, 30)}`;
    });
    stops.push(stop);
    if (stop === "body" && i > 5) break;
  }
  const wanted = ["search-words", "filter-authority", "filter-category", "filter-tag", "filter-level", "map"];
  const at = wanted.map((id) => stops.indexOf(id));
  console.log(`${site}: keyboard walk of the home page: ${stops.length} Tab presses; reached ${wanted.filter((_, i) => at[i] >= 0).join(", ")}; ` +
    `map links ${stops.filter((s) => s === "map").length}`);
  if (!stops[0].startsWith("a:Skip to main content")) fail(site, "index.html", `the first Tab stop is ${stops[0]}, not the skip link`);
  wanted.forEach((id, i) => {
    if (at[i] < 0) fail(site, "index.html", `the keyboard never reaches ${id}`);
    if (i > 0 && at[i] >= 0 && at[i] < at[i - 1]) fail(site, "index.html", `${id} comes before ${wanted[i - 1]} in the tab order`);
  });

  // A search narrows the list and says how many match, in a live region.
  const index = await page.evaluate(() => window.SHOWCASE_INDEX.exhibits[0]);
  const word = index.t.split(/\s+/)[0];
  await page.fill("#search-words", word);
  await page.waitForFunction(() => document.getElementById("result-count").textContent !== "");
  const said = await page.textContent("#result-count");
  const live = await page.getAttribute("#result-count", "aria-live");
  const shown = await page.$$eval("#results li", (items) => items.length);
  console.log(`${site}: searching "${word}" says "${said}" (aria-live ${live}) and lists ${shown}`);
  if (live !== "polite" || shown === 0 || !/match/.test(said)) fail(site, "index.html", `search for "${word}" gave "${said}" and ${shown} results`);
  const afterSearch = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), wcag);
  for (const violation of afterSearch.violations) fail(site, "index.html (after a search)", `${violation.id}: ${violation.help}`);
}

async function checkWithoutScript(browser, site, rootUrl) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL("index.html", rootUrl).href);
  const formShown = await page.isVisible("#search");
  const browse = await page.$$eval("main a", (anchors) => anchors.map((a) => a.getAttribute("href")));
  for (const wanted of ["exhibits/index.html", "authority/index.html", "category/index.html", "tag/index.html", "level/index.html"]) {
    if (!browse.includes(wanted)) fail(site, "index.html (no JavaScript)", `no link to ${wanted}`);
  }
  if (formShown) fail(site, "index.html (no JavaScript)", "the search form shows though it cannot work");
  console.log(`${site}: without JavaScript the form is ${formShown ? "shown" : "hidden"} and ${browse.length} links lead to every list`);
  await context.close();
}

const sites = process.argv.slice(2);
if (sites.length === 0) {
  console.error("usage: node check.mjs SITE[:sample] ...");
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"] });
try {
  for (const argument of sites) {
    const sample = argument.endsWith(":sample");
    await checkSite(browser, path.resolve(sample ? argument.slice(0, -7) : argument), sample);
  }
} finally {
  await browser.close();
}
for (const failure of failures) console.log(`FAILED ${failure}`);
console.log(failures.length === 0 ? "web checks: all passed" : `web checks: ${failures.length} failures`);
process.exit(failures.length === 0 ? 0 : 1);
