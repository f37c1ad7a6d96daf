import type { Register } from '../db/register.js';
import { closeRegister } from '../db/register.js';

/**
 * The one register the app has open. The menu can switch files: the new one is
 * opened first (a failure leaves the current one untouched), then the old one closed.
 */
export class RegisterHolder {
  #register: Register | null;

  constructor(register: Register) {
    this.#register = register;
  }

  get current(): Register {
    if (!this.#register) throw new Error('the register is closed');
    return this.#register;
  }

  get isOpen(): boolean {
    return this.#register !== null;
  }

  /** Opens with `open`, then closes the previous register; returns the new one. */
  replace(open: () => Register): Register {
    const next = open();
    const previous = this.#register;
    this.#register = next;
    if (previous && previous !== next) closeRegister(previous);
    return next;
  }

  close(): void {
    if (this.#register) closeRegister(this.#register);
    this.#register = null;
  }
}
