import tseslint from 'typescript-eslint';

// Names that exist only on the Espruino interpreter. Firmware logic stays board-agnostic so it runs in
// Node tests; only firmware/src/boards/ may touch them.
const espruinoGlobals = [
  'E', 'NRF', 'Storage', 'Serial1', 'Pin', 'digitalWrite', 'digitalRead', 'digitalPulse', 'analogRead',
  'analogWrite', 'setWatch', 'clearWatch', 'getTime', 'setTime', 'LED', 'LED1', 'LED2', 'LED3', 'BTN',
  'BTN1', 'BTN2', 'BTN3', 'BTN4', 'g', 'Graphics', 'Bluetooth', 'Puck', 'Pixl', 'peek32', 'poke32', 'save',
  'reset', 'load', 'dump',
].map((name) => ({ name, message: 'Espruino globals belong in firmware/src/boards/ only.' }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'test-artifacts/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['firmware/src/**/*.ts', 'shared/**/*.ts'],
    ignores: ['firmware/src/boards/**'],
    rules: { 'no-restricted-globals': ['error', ...espruinoGlobals] },
  },
);
