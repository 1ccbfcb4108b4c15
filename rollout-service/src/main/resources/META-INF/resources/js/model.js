// Normalizes the JSON of the submission and rollout APIs into the shapes the views render. Kept in one place
// so that a renamed field in an API is a one-line change here, not a hunt through the views.
const pick = (o, ...names) => {
  if (!o) return undefined;
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
};
const list = v => (Array.isArray(v) ? v : v ? Object.values(v) : []);

export function submissionSummary(s) {
  return {
    id: pick(s, 'id', 'submissionId'),
    project: pick(s, 'project'),
    mode: pick(s, 'mode'),
    status: pick(s, 'status', 'state'),
    createdAt: pick(s, 'createdAt', 'submittedAt', 'acceptedAt'),
    submittedBy: pick(s, 'submittedBy'),
    lastMessage: pick(s, 'lastMessage'),
    vcs: vcs(pick(s, 'vcs', 'vcsMetadata') || s),
    targets: list(pick(s, 'targets', 'perTarget', 'results')).map(target),
  };
}

function vcs(v) {
  return {
    repository: pick(v, 'repository', 'repo'),
    pullRequest: pick(v, 'pullRequest', 'pr'),
    commit: pick(v, 'commit', 'sha', 'commitSha'),
    author: pick(v, 'author'),
  };
}

function target(t) {
  if (typeof t === 'string') return { name: t, status: undefined, statements: [], findings: [], errors: [] };
  const plan = pick(t, 'plan') || {};
  const review = pick(t, 'review') || {};
  const errors = list(pick(t, 'errors') || pick(plan, 'errors'));
  const failure = pick(t, 'failure', 'reason') || pick(plan, 'reason', 'failure');
  if (failure && !errors.length) errors.push(failure);
  return {
    name: pick(t, 'target', 'name', 'id'),
    environment: pick(t, 'environment'),
    status: pick(t, 'status', 'planStatus', 'state'),
    statements: list(pick(plan, 'statements') || pick(t, 'statements')).map((st, i) => ({
      index: pick(st, 'index') ?? i,
      sql: pick(st, 'sql') || '',
      hazards: list(pick(st, 'hazards')),
      transactional: pick(st, 'transactional'),
      lockTimeoutMs: pick(st, 'lockTimeoutMs'),
      statementTimeoutMs: pick(st, 'statementTimeoutMs'),
    })),
    summary: pick(plan, 'summary') || pick(t, 'summary'),
    baseHash: pick(plan, 'baseHash', 'baseSchemaHash') || pick(t, 'baseHash'),
    desiredHash: pick(plan, 'desiredHash', 'desiredSchemaHash') || pick(t, 'desiredHash'),
    planEmpty: pick(plan, 'empty') === true,
    notices: list(pick(review, 'notices')),
    lastMessage: pick(t, 'lastMessage'),
    verdict: pick(review, 'verdict') || pick(t, 'verdict'),
    reviewStatus: pick(review, 'status'),
    findings: list(pick(review, 'findings') || pick(t, 'findings')),
    errors: errors.map(e => (typeof e === 'string' ? e : errorText(e))),
  };
}

function errorText(e) {
  const loc = pick(e, 'location') || e;
  const where = [pick(loc, 'file', 'path'), pick(loc, 'line'), pick(loc, 'column')].filter(x => x !== undefined);
  const msg = pick(e, 'message', 'reason') || JSON.stringify(e);
  return where.length ? `${where.join(':')}: ${msg}` : msg;
}

export function summarySentences(summary) {
  if (!summary) return [];
  if (typeof summary === 'string') return [summary];
  if (Array.isArray(summary)) return summary.map(x => (typeof x === 'string' ? x : JSON.stringify(x)));
  return Object.entries(summary).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
}

export function rolloutView(r) {
  return {
    id: pick(r, 'id', 'rolloutId'),
    project: pick(r, 'project'),
    submissionId: pick(r, 'submissionId', 'submission'),
    status: pick(r, 'status', 'state'),
    createdAt: pick(r, 'createdAt', 'startedAt'),
    updatedAt: pick(r, 'updatedAt', 'finishedAt'),
    submitter: pick(r, 'submittedBy', 'submitter', 'createdBy', 'principal'),
    message: pick(r, 'message'),
    stages: list(pick(r, 'stages')).map(stage),
    audit: list(pick(r, 'audit', 'auditTrail', 'decisions', 'auditLog')).map(a => ({
      at: pick(a, 'at', 'occurredAt', 'time', 'timestamp', 'createdAt'),
      principal: pick(a, 'principal', 'actor', 'by', 'user'),
      taskId: pick(a, 'taskId', 'task'),
      action: pick(a, 'action', 'decision', 'kind', 'type'),
      stage: pick(a, 'stage', 'environment'),
      comment: pick(a, 'comment', 'message', 'detail'),
    })),
  };
}

function stage(s) {
  const policy = pick(s, 'policy');
  const approverRole = pick(s, 'approverRole') || pick(policy, 'approverRole');
  const kind = String(pick(s, 'policyKind') || pick(policy, 'kind') || (typeof policy === 'string' ? policy : '') ||
    (pick(policy, 'needsApproval') === true ? 'APPROVAL' : '') || 'AUTOMATIC').toUpperCase();
  return {
    name: pick(s, 'name', 'environment', 'stage', 'id'),
    status: pick(s, 'status', 'state'),
    needsApproval: kind === 'APPROVAL' || pick(s, 'needsApproval', 'requiresApproval') === true,
    submitterMayApprove: pick(policy, 'submitterMayApprove') ?? pick(s, 'submitterMayApprove') ?? true,
    approverRole,
    message: pick(s, 'message'),
    approvedBy: pick(s, 'approvedBy'),
    startedAt: pick(s, 'startedAt'),
    finishedAt: pick(s, 'finishedAt', 'endedAt', 'completedAt'),
    tasks: list(pick(s, 'tasks')).map(t => ({
      id: pick(t, 'id', 'taskId'),
      target: pick(t, 'target', 'name'),
      status: pick(t, 'status', 'state'),
      message: pick(t, 'message', 'error', 'reason', 'driftSummary', 'planFailure'),
      verdict: pick(t, 'verdict'),
      startedAt: pick(t, 'startedAt'),
      finishedAt: pick(t, 'finishedAt', 'endedAt', 'completedAt'),
      attempts: pick(t, 'attempt', 'attempts'),
      statementCount: list(pick(t, 'statements')).length,
    })),
  };
}

export function eventView(e) {
  return {
    id: e.eventId,
    at: e.occurredAt,
    project: e.project,
    submissionId: e.submissionId,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    target: e.target,
    status: e.status,
    message: e.message,
    rolloutId: (e.attributes && (e.attributes.rolloutId || e.attributes.rollout)) ||
      (e.subjectType === 'ROLLOUT' ? e.subjectId : undefined),
  };
}
