import type { ErrorDescription, OperationDescription } from '../../../openapi/types.ts';
import {
  ActivateBody, BoxDetail, BoxIdParam, BoxPage, Bundle, ClockAnswer, ConfigBody, ConfiguredAnswer, ImportAnswer, ImportBody, ImportRefused, LIST_QUERY,
  ProvisionBody, RotationAnswer, STICKER_QUERY, StatusBody,
} from './schemas.ts';

const BASE = '/v1/operator/boxes';
const TAG = 'operator-boxes';
const params = { id: BoxIdParam };
const err = (status: number, code: string, description: string): ErrorDescription => ({ status, code, description });
const NOT_FOUND = err(404, 'box_not_found', 'no such box, or another merchant\'s');
const DETAIL = { name: 'OperatorBoxDetail', schema: BoxDetail };
const common = { tag: TAG, security: 'operator' as const };

export const operations: OperationDescription[] = [
  {
    ...common, method: 'get', path: BASE, operationId: 'listBoxes', permission: 'boxes.view',
    summary: 'Boxes with last seen, firmware, battery, status, activation, configuration set vs applied and pending commands',
    query: LIST_QUERY,
    responses: { 200: { description: 'one page, by box id', body: { name: 'OperatorBoxPage', schema: BoxPage } } },
    errors: [err(400, 'cursor_invalid', 'a cursor this API did not answer')],
  },
  {
    ...common, method: 'get', path: `${BASE}/:id`, operationId: 'getBox', permission: 'boxes.view', params,
    summary: 'One box: its configuration, limits, shipment, key versions and recent commands',
    responses: { 200: { description: 'the box', body: DETAIL } },
    errors: [NOT_FOUND],
  },
  {
    ...common, method: 'put', path: `${BASE}/:id/config`, operationId: 'configureBox', permission: 'boxes.manage', params,
    summary: 'Set scenario, outputs and prices: a new configVersion, sent to the box as a CONFIG telegram by the next wallet session',
    description: 'Fields and widths are those of the CONFIG telegram (docs/protocol.md); the box\'s own rules decide what it accepts '
      + '(docs/scenarios.md). A CONFIG still waiting for the box is superseded.',
    body: { name: 'OperatorBoxConfig', schema: ConfigBody },
    responses: { 200: { description: 'stored and queued', body: { name: 'OperatorBoxConfigured', schema: ConfiguredAnswer } } },
    errors: [NOT_FOUND, err(422, 'config_invalid', 'the box would refuse it'), err(422, 'currency_unsupported', 'not a currency boxes take')],
  },
  {
    ...common, method: 'post', path: '/v1/operator/box-shipments', operationId: 'importBoxShipments', permission: 'boxes.manage',
    summary: 'Import the factory\'s shipping CSV, all or nothing',
    description: 'The file\'s text as JSON `{ csv }`, or the file itself as a `text/csv` body. Columns: box_id, serial, board (puckjs|pixljs|mdbt42q), merchant_code, carrier, '
      + 'tracking_number, destination, shipped_at (ISO 8601). Any error: nothing is written and every error comes back with its line '
      + '(the header is line 1). Each line creates the box (not activated) or updates its board and merchant, and records the shipment.',
    body: { name: 'OperatorShipmentImport', schema: ImportBody },
    responses: {
      200: { description: 'every line imported', body: { name: 'OperatorShipmentImported', schema: ImportAnswer } },
      422: { description: 'nothing imported', body: { name: 'OperatorShipmentRefused', schema: ImportRefused } },
    },
  },
  {
    ...common, method: 'post', path: `${BASE}/:id/activate`, operationId: 'activateBox', permission: 'boxes.manage', params,
    summary: 'Place a shipped box: a store of its merchant, the machine it drives and its scenario',
    body: { name: 'OperatorBoxActivation', schema: ActivateBody },
    responses: { 200: { description: 'activated', body: DETAIL } },
    errors: [
      NOT_FOUND, err(422, 'store_not_found', 'no such store at the box\'s merchant'), err(409, 'box_already_activated', 'already placed'),
      err(409, 'box_not_shipped', 'no merchant yet'), err(409, 'box_blocked', 'blocked, lost, stolen or retired'),
    ],
  },
  {
    ...common, method: 'post', path: `${BASE}/:id/status`, operationId: 'setBoxStatus', permission: 'boxes.manage', params,
    summary: 'Block or unblock a box, or mark it lost or stolen (the deny list: its sessions and payments are refused)',
    body: { name: 'OperatorBoxStatus', schema: StatusBody },
    responses: { 200: { description: 'the box after the change', body: DETAIL } },
    errors: [NOT_FOUND, err(409, 'box_retired', 'a retired box keeps its status')],
  },
  {
    ...common, method: 'post', path: `${BASE}/:id/provision`, operationId: 'provisionBox', permission: 'boxes.manage', params,
    summary: 'Register the box\'s master secret and answer, once, the Storage files the flashing tool writes',
    description: 'The answer holds the box\'s keys: it is not stored, logged or cached (Cache-Control: no-store). A box with keys '
      + 'is refused unless `rotate` is true, which makes a new key version.',
    body: { name: 'OperatorProvisioning', schema: ProvisionBody },
    responses: { 201: { description: 'the provisioning bundle', body: { name: 'OperatorProvisioningBundle', schema: Bundle } } },
    errors: [
      NOT_FOUND, err(409, 'box_already_provisioned', 'has keys; set rotate'), err(409, 'box_board_unknown', 'no board: import its shipment'),
      err(409, 'box_retired', 'retired'), err(409, 'key_versions_exhausted', 'all 255 key versions used'),
    ],
  },
  {
    ...common, method: 'post', path: `${BASE}/:id/rotate-keys`, operationId: 'rotateBoxKeys', permission: 'boxes.manage', params,
    summary: 'A new key version, sent to the box as a KEY_ROTATION telegram by the next wallet session',
    responses: { 202: { description: 'the new version and its queued command', body: { name: 'OperatorKeyRotation', schema: RotationAnswer } } },
    errors: [NOT_FOUND, err(409, 'box_key_not_found', 'not provisioned yet'), err(409, 'key_versions_exhausted', 'all 255 key versions used')],
  },
  {
    ...common, method: 'post', path: `${BASE}/:id/clock`, operationId: 'setBoxClock', permission: 'boxes.manage', params,
    summary: 'Set the box\'s clock: a CLOCK telegram carried by the next wallet session',
    description: 'The command holds no time: the telegram gets the cloud\'s time when a wallet\'s session seals it for the box, '
      + 'so it is right however long the command waited. A CLOCK still waiting is superseded.',
    responses: { 202: { description: 'the queued command', body: { name: 'OperatorBoxClock', schema: ClockAnswer } } },
    errors: [NOT_FOUND, err(409, 'box_retired', 'a retired box takes no commands')],
  },
  ...(['svg', 'png'] as const).map((ext): OperationDescription => ({
    ...common, method: 'get', path: `${BASE}/:id/sticker.${ext}`, operationId: `boxSticker${ext.toUpperCase()}`, permission: 'boxes.manage', params,
    summary: ext === 'svg'
      ? 'The box\'s EMV QR sticker as SVG: the signed QR with merchant, machine and box id printed under it'
      : 'The box\'s signed EMV QR as PNG (the QR alone)',
    description: 'Static merchant-presented EMV payload with the WayGo account template 49 (box id) and the signature template 90, '
      + 'signed with the merchant\'s QR key (one is created on first use).',
    query: STICKER_QUERY,
    responses: { 200: { description: 'the sticker', mediaType: ext === 'svg' ? 'image/svg+xml' : 'image/png' } },
    errors: [NOT_FOUND, err(409, 'box_not_shipped', 'no merchant yet')],
  })),
];
