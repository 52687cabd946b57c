/** A fake customer record: every value is invented; card numbers pass Luhn so PII detectors must catch them. */
export interface Customer {
  id: string;
  name: string;
  email: string;
  card: string;
  balance: number;
  plan: 'basic' | 'plus' | 'pro';
  lastOrder: { id: string; item: string; status: 'shipped' | 'processing' | 'delivered' };
}

/** The demo agent's whole "database": small, fixed, so every answer is deterministic. */
export const customers: readonly Customer[] = [
  {
    id: 'C-1001',
    name: 'Ada Lindqvist',
    email: 'ada.lindqvist@example.com',
    card: '4539578763621486',
    balance: 1280.55,
    plan: 'pro',
    lastOrder: { id: 'A-88412', item: 'noise-cancelling headphones', status: 'shipped' },
  },
  {
    id: 'C-1002',
    name: 'Bruno Okafor',
    email: 'bruno.okafor@example.org',
    card: '5425233430109903',
    balance: 42.1,
    plan: 'basic',
    lastOrder: { id: 'A-88519', item: 'standing desk', status: 'processing' },
  },
  {
    id: 'C-1003',
    name: 'Chen Wei',
    email: 'chen.wei@example.net',
    card: '374245455400126',
    balance: 9034,
    plan: 'plus',
    lastOrder: { id: 'A-88601', item: 'mechanical keyboard', status: 'delivered' },
  },
];

/** The customer the demo agent treats as "the signed-in user". */
export const signedInCustomer: Customer = customers[0] as Customer;

/** Finds a customer whose first or last name appears in the text (case-insensitive). */
export function findCustomerByName(text: string): Customer | undefined {
  const lower = text.toLowerCase();
  return customers.find((c) =>
    c.name
      .toLowerCase()
      .split(' ')
      .some((part) => lower.includes(part)),
  );
}
