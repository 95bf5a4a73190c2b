import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOutcomes } from './outcomes.mjs';

const text = (sid, to) => ({ sid, to, direction: 'outbound-api' });
const row = (phone, status, sid = null, error = null) => ({
  phone_number: phone,
  status,
  twilio_sid: sid,
  error_message: error,
});

test('a recipient texted once and recorded with that sid is fine, whatever its final status', () => {
  const r = countOutcomes(
    ['+1', '+2', '+3'],
    [text('SM1', '+1'), text('SM2', '+2'), text('SM3', '+3')],
    [row('+1', 'sent', 'SM1'), row('+2', 'delivered', 'SM2'), row('+3', 'failed', 'SM3', 'Carrier 30008')],
  );
  assert.deepEqual(
    { ...r, statuses: undefined },
    { lost: 0, duplicated: 0, unfinished: 0, misrecorded: 0, failedReasons: { 'Carrier N': 1 }, statuses: undefined },
  );
});

test('counts a second text to one recipient as duplicated', () => {
  const r = countOutcomes(['+1'], [text('SM1', '+1'), text('SM2', '+1')], [row('+1', 'delivered', 'SM2')]);
  assert.equal(r.duplicated, 1);
  assert.equal(r.misrecorded, 0);
});

test('counts as lost a recipient without a text the product calls sent, or has no row for', () => {
  const r = countOutcomes(['+1', '+2'], [], [row('+1', 'delivered', 'SM9')]);
  assert.equal(r.lost, 2);
});

test('counts the dead letter as failed with its reason, not as lost', () => {
  const r = countOutcomes(
    ['+1', '+2'],
    [],
    [
      row('+1', 'failed', null, 'Gave up after 4 attempts: Internal Server Error'),
      row('+2', 'failed', null, 'Gave up after 3 attempts: Internal Server Error'),
    ],
  );
  assert.deepEqual([r.lost, r.failedReasons], [0, { 'Gave up after N attempts: Internal Server Error': 2 }]);
});

test('counts a text the database does not account for as misrecorded', () => {
  const r = countOutcomes(
    ['+1', '+2', '+3', '+4'],
    [text('SM1', '+1'), text('SM2', '+2'), text('SM3', '+3'), text('SM4', '+4')],
    [
      row('+1', 'failed', null, 'Gave up after 4 attempts'), // failed although Twilio created it
      row('+2', 'delivered', 'SM9'), // a sid Twilio never gave that recipient
      row('+3', 'canceled'),
    ],
  );
  assert.deepEqual([r.misrecorded, r.lost, r.failedReasons], [4, 0, {}]);
});

test('counts pending and sending rows as unfinished', () => {
  const r = countOutcomes(['+1', '+2'], [text('SM1', '+1')], [row('+1', 'sending'), row('+2', 'pending')]);
  assert.deepEqual([r.unfinished, r.lost, r.misrecorded], [2, 0, 0]);
});
