'use strict';
// golive as a CDK policy validation plugin.
//
// CDK calls validate(context) during synthesis, after it has written the cloud assembly,
// with the templates of the stacks the plugin is registered for. The plugin runs
// `golive scan --format json` on the assembly folders that hold them, so golive reads the
// manifest too (construct paths, termination protection, stack tags, acknowledgements),
// and hands the failing verdicts back to CDK, which prints them with construct paths and
// stack traces and writes them to its validation report. validate() must return a report,
// not a promise, so golive runs synchronously. Findings become violations as in
// golive.cdk_validation.violations_of (the Python plugin's): keep the two alike.
//
//   const { GolivePolicyValidation } = require('golive-cdk-policy-validation');
//   const app = new App({ policyValidationBeta1: [new GolivePolicyValidation()] });
//   // or: Validations.of(app).addPlugins(new GolivePolicyValidation());
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4, never: 5 };

class GolivePolicyValidation {
  /**
   * @param {object} [options]
   * @param {string} [options.command] golive executable (default: $GOLIVE, else `golive` on PATH)
   * @param {string} [options.failOn] lowest severity that fails synthesis: low, medium,
   *   high (default), critical or never; failures below it are reported as warnings
   * @param {string} [options.profile] golive profile: production (default), staging, development
   * @param {boolean} [options.reportUnknown] also report UNKNOWN verdicts, as warnings
   * @param {string[]} [options.args] further `golive scan` arguments (--config FILE, ...)
   */
  constructor(options = {}) {
    this.name = 'golive';
    this.version = require('./package.json').version;
    this.command = options.command || process.env.GOLIVE || 'golive';
    this.failOn = options.failOn || 'high';
    if (!(this.failOn in SEVERITY_RANK)) {
      throw new Error(`golive: failOn must be one of ${Object.keys(SEVERITY_RANK).join(', ')}`);
    }
    this.profile = options.profile;
    this.reportUnknown = Boolean(options.reportUnknown);
    this.args = options.args || [];
  }

  validate(context) {
    const templates = new Set(context.templatePaths.map((p) => path.resolve(p)));
    const folders = [...new Set([...templates].map(assemblyFolder))];
    const scan = this.run(['scan', '--format', 'json', '--fail-on', 'never', ...this.options(), ...folders]);
    const catalog = this.catalog();
    const seen = new Set();
    const groups = new Map();
    let failed = false;
    for (const finding of scan.findings) {
      const resource = finding.resource;
      const template = path.resolve(resource.file);
      const logicalId = resource.deployed_id || resource.logical_id;
      const key = `${finding.check_id}\u001f${template}\u001f${logicalId}`;
      if (!templates.has(template) || seen.has(key) || !this.reported(finding)) continue;
      seen.add(key);
      const blocking = finding.status === 'FAIL'
        && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[this.failOn];
      failed = failed || blocking;
      const severity = blocking ? 'error' : 'warning';
      const group = [finding.check_id, finding.reason, severity, finding.status].join('\u001f');
      if (!groups.has(group)) {
        const meta = catalog.get(finding.check_id) || {};
        groups.set(group, {
          ruleName: finding.check_id,
          description: `${meta.title || finding.check_id}: ${finding.reason}`
            + (finding.status === 'UNKNOWN' ? ' (UNKNOWN: the templates do not decide it)' : ''),
          fix: meta.recommendation || `golive explain ${finding.check_id}`,
          severity,
          ruleMetadata: {
            golive_severity: finding.severity,
            golive_status: finding.status,
            pillar: finding.pillar,
            explain: `golive explain ${finding.check_id}`,
          },
          violatingResources: [],
        });
      }
      groups.get(group).violatingResources.push({
        resourceLogicalId: logicalId,
        templatePath: template,
        locations: finding.attribute ? [`Properties.${finding.attribute}`] : [],
      });
    }
    const metadata = { readiness_score: String(scan.summary.score) };
    if (scan.errors.length) {
      metadata.input_problems = scan.errors
        .map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)
        .join('\n');
    }
    return {
      success: !failed,
      violations: [...groups.values()],
      pluginVersion: this.version,
      metadata,
    };
  }

  reported(finding) {
    if (finding.in_baseline) return false;
    return finding.status === 'FAIL' || (this.reportUnknown && finding.status === 'UNKNOWN');
  }

  options() {
    return [...(this.profile ? ['--profile', this.profile] : []), ...this.args];
  }

  catalog() {
    const rules = this.run(['rules', '--format', 'json']);
    return new Map(rules.map((rule) => [rule.id, rule]));
  }

  run(args) {
    const done = spawnSync(this.command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (done.error && done.error.code === 'ENOENT') {
      throw new Error(
        `golive: '${this.command}' was not found. Install golive (pip install golive) and put it `
        + 'on PATH, or give its path with the GOLIVE environment variable or the command option.',
      );
    }
    if (done.error) throw done.error;
    // Exit code 2 still writes the report first (input problems are listed in it).
    try {
      return JSON.parse(done.stdout);
    } catch (error) {
      throw new Error(`golive ${args[0]} failed (exit code ${done.status}): ${done.stderr.trim()}`);
    }
  }
}

/** The cloud assembly folder holding a template: the nearest folder with a manifest.json. */
function assemblyFolder(template) {
  let folder = path.dirname(template);
  while (!fs.existsSync(path.join(folder, 'manifest.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) return path.dirname(template);
    folder = parent;
  }
  return folder;
}

module.exports = { GolivePolicyValidation };
