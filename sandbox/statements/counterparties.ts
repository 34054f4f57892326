/** Names the statement generator draws from: holders, employers, lenders, merchants. */

export const HOLDER_NAMES = [
	'RAHUL SHARMA', 'PRIYA NAIR', 'ANKIT VERMA', 'SNEHA KULKARNI', 'VIKRAM SINGH', 'DEEPA IYER',
	'ARJUN MEHTA', 'KAVITA REDDY', 'ROHAN GUPTA', 'NEHA JOSHI', 'SANJAY PATEL', 'MEERA PILLAI',
] as const;

export const ADDRESSES = [
	'FLAT 302, SAI RESIDENCY, ANDHERI EAST, MUMBAI 400069',
	'12, 4TH CROSS, INDIRANAGAR, BENGALURU 560038',
	'B-45, SECTOR 62, NOIDA 201301',
	'7/2, GANDHI NAGAR, ADYAR, CHENNAI 600020',
	'H.NO 8-2-293, BANJARA HILLS, HYDERABAD 500034',
	'22, KOREGAON PARK, PUNE 411001',
] as const;

export const BRANCHES = [
	'ANDHERI EAST', 'INDIRANAGAR', 'SECTOR 18 NOIDA', 'ADYAR', 'BANJARA HILLS', 'KOREGAON PARK',
] as const;

export const EMPLOYERS = [
	'ACME TECHNOLOGIES PVT LTD', 'ZENITH SOFTWARE PVT LTD', 'BLUEWAVE ANALYTICS LLP',
	'SUNRISE PHARMA LTD', 'NORTHSTAR LOGISTICS LTD',
] as const;

export const LENDERS = [
	'BAJAJ FINANCE LTD', 'HDB FINANCIAL SERVICES', 'TATA CAPITAL FINANCIAL', 'HOME CREDIT INDIA',
] as const;

export const LANDLORDS = ['RAMESH KUMAR', 'SUNITA DESAI', 'MOHAN RAO', 'LATA MENON'] as const;

export const ELECTRICITY_BOARDS = ['BESCOM', 'TATA POWER', 'MSEDCL', 'BSES RAJDHANI', 'TNEB'] as const;

/** UPI merchants: name printed in the narration and the VPA. */
export const UPI_MERCHANTS = [
	['SWIGGY', 'swiggy@icici'], ['ZOMATO', 'zomato@hdfcbank'], ['BIGBASKET', 'bigbasket@axisbank'],
	['BLINKIT', 'blinkit@ybl'], ['AMAZON PAY', 'amazon@apl'], ['FLIPKART', 'flipkart@axisbank'],
	['UBER INDIA', 'uber@icici'], ['OLA CABS', 'olacabs@ybl'], ['IRCTC', 'irctc@sbi'],
	['APOLLO PHARMACY', 'apollo@hdfcbank'], ['INDIAN OIL', 'iocl@sbi'], ['BOOKMYSHOW', 'bms@icici'],
	['ZERODHA BROKING', 'zerodha@hdfcbank'], ['GROWW', 'groww@axisbank'], ['DMART', 'dmart@ybl'],
] as const;

export const CARD_MERCHANTS = [
	'DMART', 'RELIANCE SMART', 'SHELL PETROL PUMP', 'MAKEMYTRIP', 'MYNTRA', 'STARBUCKS', 'CROMA',
] as const;

export const FRIENDS = [
	['AMIT KUMAR', 'amitk@okaxis'], ['POOJA SHAH', 'pooja.shah@oksbi'], ['KARAN MALHOTRA', 'karanm@ybl'],
	['DIVYA MENON', 'divyam@okicici'],
] as const;

export const ATM_PLACES = ['MUMBAI ANDHERI', 'BENGALURU MG ROAD', 'PUNE FC ROAD', 'DELHI CP', 'CHENNAI T NAGAR'] as const;
