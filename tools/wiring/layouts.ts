// Where each board's pads physically sit, for the pin-map pictures only (never shipped to a box). Read from the
// board files of the Espruino interpreter: boards/PUCKJS.py (board_v2), boards/PIXLJS.py, boards/MDBT42Q.py
// (the breakout board's layout).

export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface PhysicalLayout {
  title: string;
  /** Pads along each edge, in the board file's order; '' is a gap. */
  edges: Partial<Record<Edge, string[]>>;
  note: string;
}

export const layouts: Record<string, PhysicalLayout> = {
  puckjs: {
    title: 'Puck.js v2 — WayGoBox Light',
    edges: {
      bottom: ['D28', 'D29', 'D30', 'D31'],
      right: ['GND', '3V', 'D2', 'D1'],
      left: ['D11', 'D23', 'D24', 'D26'],
    },
    note: 'Left pads are on the back of the board. All pins 3.3 V, not 5 V tolerant.',
  },
  pixljs: {
    title: 'Pixl.js — WayGoBox for Store',
    edges: {
      top: ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', '', 'D8', 'D9', 'D10', 'D11', 'D12', 'D13', 'GND'],
      bottom: ['A5', 'A4', 'A3', 'A2', 'A1', 'A0', '', 'Vin', 'GND', 'GND', '5V', '3.3V'],
    },
    note: 'Arduino-shaped header. All pins 3.3 V, not 5 V tolerant.',
  },
  mdbt42q: {
    title: 'MDBT42Q breakout — WayGoBox Module',
    edges: {
      left: ['D25', 'D26', 'D27', 'D28', 'D29', 'D30', 'D31', 'D3', 'D4', 'D5', 'D11'],
      right: ['D22', 'D20', 'D19', 'D18', 'D17', 'D16', 'D15', 'D14', '3.3', 'Vin', 'GND'],
      bottom: ['D6', 'D8', 'D7', 'Vin', 'GND'],
      top: ['D9', 'D10'],
    },
    note: 'D6/D8 are the console UART, kept free for install mode. All pins 3.3 V, not 5 V tolerant.',
  },
};
