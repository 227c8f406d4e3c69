// Data tables the demo world is drawn from: places, people, parcels and the words drivers and agents
// write. Coordinates are real neighbourhood centres; streets are real streets of those
// neighbourhoods, but every house number, person, phone and email is made up.
import type { DropOffSpot } from './types.ts'
import type { LatLng } from '../contract/schemas.ts'

export type AreaKey = 'seattle' | 'san_francisco' | 'northern_virginia'

export interface Neighbourhood {
  name: string
  city: string
  center: LatLng
  postalCodes: ReadonlyArray<string>
  streets: ReadonlyArray<string>
  /** Share of addresses in flats, which get a line2 and mailroom/locker drop-offs. */
  apartmentShare: number
  houseNumbers: readonly [number, number]
}

export interface Area {
  key: AreaKey
  region: string
  timeZone: string
  /** Share of all deliveries. */
  weight: number
  areaCodes: ReadonlyArray<string>
  neighbourhoods: ReadonlyArray<Neighbourhood>
}

// prettier-ignore
export const AREAS: ReadonlyArray<Area> = [
  {
    key: 'seattle',
    region: 'WA',
    timeZone: 'America/Los_Angeles',
    weight: 36,
    areaCodes: ['206', '425', '253', '360', '564'],
    neighbourhoods: [
      {
        name: 'Capitol Hill',
        city: 'Seattle',
        center: { lat: 47.623, lng: -122.319 },
        postalCodes: ['98102', '98112', '98122'],
        streets: ['E Pine St', '15th Ave E', 'E Madison St', 'Harvard Ave E', 'E Olive Way', 'Bellevue Ave E'],
        apartmentShare: 0.6,
        houseNumbers: [100, 2400],
      },
      {
        name: 'Ballard',
        city: 'Seattle',
        center: { lat: 47.6686, lng: -122.386 },
        postalCodes: ['98107', '98117'],
        streets: ['NW 65th St', '24th Ave NW', 'NW Market St', '20th Ave NW', 'NW 70th St', 'Leary Way NW'],
        apartmentShare: 0.35,
        houseNumbers: [1100, 8999],
      },
      {
        name: 'Fremont',
        city: 'Seattle',
        center: { lat: 47.651, lng: -122.35 },
        postalCodes: ['98103'],
        streets: ['Fremont Ave N', 'N 36th St', 'Evanston Ave N', 'Aurora Ave N', 'N 41st St'],
        apartmentShare: 0.4,
        houseNumbers: [300, 4699],
      },
      {
        name: 'Wallingford',
        city: 'Seattle',
        center: { lat: 47.6615, lng: -122.334 },
        postalCodes: ['98103'],
        streets: ['N 45th St', 'Stone Way N', 'Wallingford Ave N', 'Corliss Ave N', 'Sunnyside Ave N'],
        apartmentShare: 0.2,
        houseNumbers: [1200, 5299],
      },
      {
        name: 'Queen Anne',
        city: 'Seattle',
        center: { lat: 47.637, lng: -122.357 },
        postalCodes: ['98109', '98119'],
        streets: ['Queen Anne Ave N', 'W McGraw St', '1st Ave W', 'W Galer St', 'Taylor Ave N'],
        apartmentShare: 0.45,
        houseNumbers: [100, 2999],
      },
      {
        name: 'Green Lake',
        city: 'Seattle',
        center: { lat: 47.679, lng: -122.327 },
        postalCodes: ['98103', '98115'],
        streets: ['Woodlawn Ave N', 'E Green Lake Way N', 'Latona Ave NE', 'N 72nd St', 'Meridian Ave N'],
        apartmentShare: 0.25,
        houseNumbers: [5600, 8099],
      },
      {
        name: 'Ravenna',
        city: 'Seattle',
        center: { lat: 47.675, lng: -122.303 },
        postalCodes: ['98115'],
        streets: ['Ravenna Ave NE', 'NE 65th St', '20th Ave NE', 'NE Ravenna Blvd', '25th Ave NE'],
        apartmentShare: 0.2,
        houseNumbers: [5200, 7299],
      },
      {
        name: 'Beacon Hill',
        city: 'Seattle',
        center: { lat: 47.568, lng: -122.308 },
        postalCodes: ['98108', '98144'],
        streets: ['Beacon Ave S', 'S Columbian Way', '15th Ave S', 'S Myrtle St', 'S Spokane St'],
        apartmentShare: 0.2,
        houseNumbers: [2200, 6999],
      },
      {
        name: 'Columbia City',
        city: 'Seattle',
        center: { lat: 47.559, lng: -122.287 },
        postalCodes: ['98118'],
        streets: ['Rainier Ave S', 'S Hudson St', 'S Alaska St', '37th Ave S', 'S Edmunds St'],
        apartmentShare: 0.3,
        houseNumbers: [3400, 5999],
      },
      {
        name: 'West Seattle',
        city: 'Seattle',
        center: { lat: 47.571, lng: -122.387 },
        postalCodes: ['98116', '98126'],
        streets: ['California Ave SW', 'SW Admiral Way', 'Fauntleroy Way SW', '42nd Ave SW', 'SW Genesee St'],
        apartmentShare: 0.25,
        houseNumbers: [2100, 6999],
      },
    ],
  },
  {
    key: 'san_francisco',
    region: 'CA',
    timeZone: 'America/Los_Angeles',
    weight: 32,
    areaCodes: ['415', '628', '650', '510'],
    neighbourhoods: [
      {
        name: 'Mission District',
        city: 'San Francisco',
        center: { lat: 37.7599, lng: -122.4148 },
        postalCodes: ['94110'],
        streets: ['Valencia St', 'Guerrero St', '24th St', 'Mission St', 'Shotwell St', 'Folsom St'],
        apartmentShare: 0.65,
        houseNumbers: [100, 3499],
      },
      {
        name: 'Noe Valley',
        city: 'San Francisco',
        center: { lat: 37.7502, lng: -122.4337 },
        postalCodes: ['94114', '94131'],
        streets: ['Sanchez St', 'Church St', 'Castro St', 'Elizabeth St', 'Jersey St', 'Noe St'],
        apartmentShare: 0.4,
        houseNumbers: [100, 1599],
      },
      {
        name: 'Inner Sunset',
        city: 'San Francisco',
        center: { lat: 37.763, lng: -122.467 },
        postalCodes: ['94122'],
        streets: ['Irving St', 'Judah St', '9th Ave', '7th Ave', 'Kirkham St', 'Lincoln Way'],
        apartmentShare: 0.45,
        houseNumbers: [1200, 1999],
      },
      {
        name: 'Outer Sunset',
        city: 'San Francisco',
        center: { lat: 37.7535, lng: -122.4945 },
        postalCodes: ['94122', '94116'],
        streets: ['Noriega St', '34th Ave', '41st Ave', 'Taraval St', 'Ortega St', '38th Ave'],
        apartmentShare: 0.2,
        houseNumbers: [1200, 2799],
      },
      {
        name: 'Richmond',
        city: 'San Francisco',
        center: { lat: 37.78, lng: -122.483 },
        postalCodes: ['94118', '94121'],
        streets: ['Geary Blvd', 'Clement St', 'Balboa St', '25th Ave', 'Anza St', '6th Ave'],
        apartmentShare: 0.5,
        houseNumbers: [100, 6999],
      },
      {
        name: 'Pacific Heights',
        city: 'San Francisco',
        center: { lat: 37.7925, lng: -122.4382 },
        postalCodes: ['94115', '94123'],
        streets: ['Fillmore St', 'Jackson St', 'Divisadero St', 'Pacific Ave', 'Washington St'],
        apartmentShare: 0.55,
        houseNumbers: [1800, 3299],
      },
      {
        name: 'Haight-Ashbury',
        city: 'San Francisco',
        center: { lat: 37.7692, lng: -122.4481 },
        postalCodes: ['94117'],
        streets: ['Haight St', 'Ashbury St', 'Cole St', 'Waller St', 'Page St', 'Masonic Ave'],
        apartmentShare: 0.6,
        houseNumbers: [100, 1899],
      },
      {
        name: 'Bernal Heights',
        city: 'San Francisco',
        center: { lat: 37.739, lng: -122.4156 },
        postalCodes: ['94110'],
        streets: ['Cortland Ave', 'Folsom St', 'Precita Ave', 'Moultrie St', 'Anderson St'],
        apartmentShare: 0.25,
        houseNumbers: [1, 1299],
      },
      {
        name: 'SoMa',
        city: 'San Francisco',
        center: { lat: 37.7785, lng: -122.4056 },
        postalCodes: ['94103', '94107'],
        streets: ['Folsom St', 'Howard St', 'Brannan St', 'Townsend St', '2nd St', 'Bryant St'],
        apartmentShare: 0.85,
        houseNumbers: [1, 999],
      },
      {
        name: 'Potrero Hill',
        city: 'San Francisco',
        center: { lat: 37.7605, lng: -122.4009 },
        postalCodes: ['94107'],
        streets: ['18th St', 'De Haro St', 'Connecticut St', 'Arkansas St', 'Wisconsin St'],
        apartmentShare: 0.35,
        houseNumbers: [100, 1499],
      },
      {
        name: 'Marina',
        city: 'San Francisco',
        center: { lat: 37.8037, lng: -122.4368 },
        postalCodes: ['94123'],
        streets: ['Chestnut St', 'Lombard St', 'Scott St', 'Mallorca Way', 'Cervantes Blvd'],
        apartmentShare: 0.55,
        houseNumbers: [1, 3699],
      },
      {
        name: 'Excelsior',
        city: 'San Francisco',
        center: { lat: 37.7244, lng: -122.4272 },
        postalCodes: ['94112'],
        streets: ['Mission St', 'Geneva Ave', 'Persia Ave', 'Excelsior Ave', 'Athens St'],
        apartmentShare: 0.2,
        houseNumbers: [1, 5299],
      },
    ],
  },
  {
    key: 'northern_virginia',
    region: 'VA',
    timeZone: 'America/New_York',
    weight: 32,
    areaCodes: ['703', '571', '202', '240'],
    neighbourhoods: [
      {
        name: 'Clarendon',
        city: 'Arlington',
        center: { lat: 38.8868, lng: -77.095 },
        postalCodes: ['22201'],
        streets: ['Wilson Blvd', 'N Highland St', 'Clarendon Blvd', 'N Fillmore St', 'N Hudson St'],
        apartmentShare: 0.7,
        houseNumbers: [1000, 3299],
      },
      {
        name: 'Ballston',
        city: 'Arlington',
        center: { lat: 38.8822, lng: -77.1113 },
        postalCodes: ['22203'],
        streets: ['N Glebe Rd', 'Fairfax Dr', 'N Randolph St', 'N Stuart St', 'N Quincy St'],
        apartmentShare: 0.75,
        houseNumbers: [600, 4799],
      },
      {
        name: 'Crystal City',
        city: 'Arlington',
        center: { lat: 38.8574, lng: -77.051 },
        postalCodes: ['22202'],
        streets: ['Crystal Dr', 'S Eads St', 'S Clark St', '23rd St S', 'S Fern St'],
        apartmentShare: 0.85,
        houseNumbers: [1200, 2999],
      },
      {
        name: 'Shirlington',
        city: 'Arlington',
        center: { lat: 38.8418, lng: -77.0867 },
        postalCodes: ['22206'],
        streets: ['Campbell Ave', 'S Four Mile Run Dr', 'S Randolph St', 'S Taylor St', 'S Quincy St'],
        apartmentShare: 0.5,
        houseNumbers: [2700, 4199],
      },
      {
        name: 'Fairfax',
        city: 'Fairfax',
        center: { lat: 38.8462, lng: -77.3064 },
        postalCodes: ['22030', '22031', '22032'],
        streets: ['Chain Bridge Rd', 'Main St', 'Old Lee Hwy', 'Ridgeview Ct', 'Autumn Leaf Ln', 'Braddock Rd'],
        apartmentShare: 0.25,
        houseNumbers: [3000, 11999],
      },
      {
        name: 'Reston',
        city: 'Reston',
        center: { lat: 38.9586, lng: -77.357 },
        postalCodes: ['20190', '20191', '20194'],
        streets: ['Reston Pkwy', 'Sunrise Valley Dr', 'Market St', 'Lake Newport Rd', 'Glade Dr', 'Soapstone Dr'],
        apartmentShare: 0.45,
        houseNumbers: [1500, 12999],
      },
      {
        name: 'Ashburn',
        city: 'Ashburn',
        center: { lat: 39.0438, lng: -77.4874 },
        postalCodes: ['20147', '20148'],
        streets: ['Ashburn Village Blvd', 'Loudoun County Pkwy', 'Belmont Ridge Rd', 'Chestnut Oak Pl', 'Gladesmore Ct', 'Farmwell Rd'],
        apartmentShare: 0.2,
        houseNumbers: [20000, 44999],
      },
      {
        name: 'Herndon',
        city: 'Herndon',
        center: { lat: 38.9696, lng: -77.3861 },
        postalCodes: ['20170', '20171'],
        streets: ['Elden St', 'Spring St', 'Van Buren St', 'Center St', 'Grant St'],
        apartmentShare: 0.3,
        houseNumbers: [100, 2999],
      },
      {
        name: 'McLean',
        city: 'McLean',
        center: { lat: 38.9339, lng: -77.1773 },
        postalCodes: ['22101', '22102'],
        streets: ['Old Dominion Dr', 'Dolley Madison Blvd', 'Kirby Rd', 'Churchill Rd', 'Ingleside Ave'],
        apartmentShare: 0.15,
        houseNumbers: [1000, 7999],
      },
      {
        name: 'Vienna',
        city: 'Vienna',
        center: { lat: 38.9012, lng: -77.2653 },
        postalCodes: ['22180', '22181'],
        streets: ['Maple Ave W', 'Nutley St SW', 'Park St NE', 'Cottage St SW', 'Courthouse Rd SW'],
        apartmentShare: 0.2,
        houseNumbers: [100, 2999],
      },
      {
        name: 'Old Town',
        city: 'Alexandria',
        center: { lat: 38.8048, lng: -77.0469 },
        postalCodes: ['22314'],
        streets: ['King St', 'Washington St', 'Prince St', 'Duke St', 'N Royal St', 'S Fairfax St'],
        apartmentShare: 0.45,
        houseNumbers: [100, 1899],
      },
      {
        name: 'Falls Church',
        city: 'Falls Church',
        center: { lat: 38.8823, lng: -77.1711 },
        postalCodes: ['22046'],
        streets: ['W Broad St', 'N Washington St', 'Park Ave', 'Great Falls St', 'N Oak St'],
        apartmentShare: 0.35,
        houseNumbers: [100, 1299],
      },
    ],
  },
]

/** A name as shown, and an ASCII handle for emails where transliteration would not do. */
export interface NamePart {
  text: string
  ascii?: string
}

export interface NameCulture {
  weight: number
  /** East Asian and Vietnamese names are written family name first. */
  familyFirst: boolean
  /** Written without a space between family and given name (Chinese, Korean in Hangul). */
  joined?: boolean
  given: ReadonlyArray<NamePart | string>
  family: ReadonlyArray<NamePart | string>
}

// prettier-ignore
export const NAME_CULTURES: ReadonlyArray<NameCulture> = [
  {
    weight: 30,
    familyFirst: false,
    given: ['James', 'Emily', 'Michael', 'Sarah', 'David', 'Jessica', 'Chris', 'Ashley', 'Ryan', 'Megan', 'Tyler',
      'Hannah', 'Brandon', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Madison', 'Kayla', 'Jordan', 'Taylor', 'Dana', 'Marcus',
      'Brittany', 'Kevin', 'Rachel', 'DeShawn', 'Renée', 'Chloé'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
      'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall',
      'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', "O'Connor-Smith",
      'Van der Berg', 'St. John'],
  },
  {
    weight: 14,
    familyFirst: false,
    given: ['José', 'María', 'Lucía', 'Alejandro', 'Camila', 'Diego', 'Sofía', 'Mateo', 'Valentina', 'Andrés',
      'Ximena', 'Javier', 'Guadalupe', 'Raúl', 'Inés', 'Joaquín'],
    family: ['Núñez', 'García', 'Hernández', 'López', 'Martínez', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez',
      'Torres', 'Flores', 'Gómez', 'Díaz', 'Castañeda', 'Muñoz', 'Ibáñez', 'de la Cruz'],
  },
  {
    weight: 7,
    familyFirst: true,
    given: ['Thị Mai', 'Văn Hùng', 'Minh Anh', 'Thị Lan', 'Quốc Bảo', 'Thu Trang', 'Đức Anh', 'Ngọc Hân', 'Văn Nam',
      'Thị Hương'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'],
  },
  {
    weight: 5,
    familyFirst: true,
    joined: true,
    given: [
      { text: '芳', ascii: 'fang' }, { text: '伟', ascii: 'wei' }, { text: '娜', ascii: 'na' },
      { text: '敏', ascii: 'min' }, { text: '静', ascii: 'jing' }, { text: '磊', ascii: 'lei' },
      { text: '婷', ascii: 'ting' }, { text: '俊杰', ascii: 'junjie' }, { text: '欣怡', ascii: 'xinyi' },
      { text: '子轩', ascii: 'zixuan' },
    ],
    family: [
      { text: '王', ascii: 'wang' }, { text: '李', ascii: 'li' }, { text: '张', ascii: 'zhang' },
      { text: '刘', ascii: 'liu' }, { text: '陈', ascii: 'chen' }, { text: '杨', ascii: 'yang' },
      { text: '黄', ascii: 'huang' }, { text: '赵', ascii: 'zhao' },
    ],
  },
  {
    weight: 3,
    familyFirst: false,
    given: ['Wei', 'Jing', 'Hao', 'Xin', 'Mei', 'Jun', 'Yan'],
    family: ['Zhang', 'Chen', 'Wang', 'Liu', 'Lin', 'Huang', 'Zhou'],
  },
  {
    weight: 2,
    familyFirst: false,
    given: ['Min-jun', 'Ji-woo', 'Seo-yeon', 'Ha-eun', 'Do-yun', 'Ye-jin'],
    family: ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang'],
  },
  {
    weight: 2,
    familyFirst: false,
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Hina', 'Ren'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Itō'],
  },
  {
    weight: 8,
    familyFirst: false,
    given: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Aarav', 'Kavya', 'Vikram', 'Sneha', 'Rahul', 'Deepa', 'Lakshmi',
      'Siddharth'],
    family: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Krishnan', 'Desai', 'Chatterjee', 'Venkataraman'],
  },
  {
    weight: 5,
    familyFirst: false,
    given: ['Mohammed', 'Fatima', 'Omar', 'Layla', 'Youssef', 'Aisha', 'Khalid', 'Noor', 'Hassan', 'Mariam'],
    family: ['Al-Fulan', 'Haddad', 'Khoury', 'Al-Sayed', 'Mansour', 'Nasser', 'Saleh', 'Abdullah'],
  },
  {
    weight: 4,
    familyFirst: false,
    given: ['Ayşe', 'Mehmet', 'Elif', 'Emre', 'Zeynep', 'Çağrı', 'Gökhan', 'Şule'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Doğan'],
  },
  {
    weight: 4,
    familyFirst: false,
    given: ['François', 'Amélie', 'Hélène', 'Jérôme', 'Céline', 'Benoît', 'Élodie', 'Gaëlle'],
    family: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Rousseau', 'Fournier', 'Mercier', 'Boucher'],
  },
  {
    weight: 4,
    familyFirst: false,
    given: ['Siobhán', 'Niamh', 'Aoife', 'Seán', 'Pádraig', 'Caoimhe', 'Eoin', 'Ciarán', 'Róisín'],
    family: ['Ó Briain', "O'Connor", 'Ó Súilleabháin', 'Murphy', 'Kelly', 'Byrne', 'Walsh', 'McCarthy'],
  },
  {
    weight: 4,
    familyFirst: false,
    given: ['Zoë', 'Åsa', 'Bjørn', 'Søren', 'Ingrid', 'Linnéa', 'Sigrid', 'Håkon', 'Jürgen', 'Lena', 'Jörg'],
    family: ['Ødegaard', 'Sørensen', 'Lindqvist', 'Åberg', 'Johansson', 'Halvorsen', 'Bergström', 'Müller', 'Schäfer',
      'Köhler'],
  },
  {
    weight: 4,
    familyFirst: false,
    given: ['Łukasz', 'Małgorzata', 'Agnieszka', 'Paweł', 'Wojciech', 'Zofia', 'Jiří', 'Kateřina', 'Tomáš'],
    family: ['Żółć', 'Wiśniewski', 'Kowalczyk', 'Dąbrowski', 'Nowak', 'Szymański', 'Dvořák', 'Kovač'],
  },
  {
    weight: 5,
    familyFirst: false,
    given: ['Abebe', 'Tigist', 'Selam', 'Dawit', 'Chiamaka', 'Oluwaseun', 'Kwame', 'Amara', 'Nia', 'Jamal'],
    family: ['Bekele', 'Tesfaye', 'Okonkwo', 'Adeyemi', 'Mensah', 'Mwangi', 'Osei', 'Diallo'],
  },
]

/**
 * Names that must be in every world of a reasonable size: they exercise search, sorting and
 * rendering of scripts and marks the generated mix might draw only rarely.
 */
export const FEATURED_CUSTOMERS: ReadonlyArray<{ name: string; handle: string }> = [
  { name: 'José Núñez', handle: 'jose.nunez' },
  { name: 'Zoë Ødegaard', handle: 'zoe.odegaard' },
  { name: 'Nguyễn Thị Mai', handle: 'mai.nguyen' },
  { name: 'Łukasz Żółć', handle: 'lukasz.zolc' },
  { name: 'Siobhán Ó Briain', handle: 'siobhan.obriain' },
  { name: '王芳', handle: 'fang.wang' },
  { name: 'Ayşe Yılmaz', handle: 'ayse.yilmaz' },
  { name: 'François Lefèvre', handle: 'francois.lefevre' },
  { name: 'Mohammed Al-Fulan', handle: 'mohammed.alfulan' },
  { name: '김민준', handle: 'minjun.kim' },
  { name: "Renée O'Connor-Smith", handle: 'renee.oconnorsmith' },
  { name: 'Mary-Kate Van der Berg', handle: 'marykate.vanderberg' },
]

// prettier-ignore
export const DRIVER_NAMES: ReadonlyArray<string> = [
  'Marcus Bell', 'Tasha Nguyen', 'Luis Ortega', 'Kenji Watanabe', 'Brianna Cole', 'Dmitri Volkov', 'Aaliyah Brooks',
  'Samuel Osei', 'Grace Kim', 'Héctor Salazar', 'Tyrone Jenkins', 'Mei Lin', 'Olga Petrova', 'Jamal Carter',
  'Rosa Delgado', 'Nikhil Rao', 'Emma Lindgren', 'Kofi Asante', 'Carlos Mendoza', 'Hannah Weiss', 'Darnell Price',
  'Ana Lima', 'Victor Huang', 'Leticia Ruiz', 'Omar Farouk', 'Jasmine Patel', 'Trevor McAllister', 'Yuki Matsumoto',
  'Fernando Reyes', 'Keisha Moore', 'Bogdan Ionescu', 'Chloe Martin', 'Andre Thompson', 'Sina Tuilagi',
  'Raj Malhotra', 'Daniela Costa', 'Malik Johnson', 'Sun-hee Park', 'Patrick Doyle', 'Elena Marquez', 'Tomás Herrera',
  'Ngozi Eze',
]

/**
 * Colleagues of the demo accounts who worked some of the seeded cases on other consoles, with
 * names in Arabic, Chinese and Cyrillic script. One has left and is no longer in the directory,
 * so the console shows how it names a person it cannot find.
 */
export const COLLEAGUES: ReadonlyArray<{
  id: string
  name: string
  role: 'agent' | 'supervisor'
  inDirectory: boolean
}> = [
  { id: 'u_layla_haddad', name: 'ليلى حداد', role: 'agent', inDirectory: true },
  { id: 'u_zhang_wei', name: '张伟', role: 'agent', inDirectory: true },
  { id: 'u_irina_sokolova', name: 'Ирина Соколова', role: 'supervisor', inDirectory: true },
  { id: 'u_kim_former', name: 'Kim Fielding', role: 'agent', inDirectory: false },
]

/** Drivers whose habits the demo shows: one reuses photos, two often deliver far away. */
export const DRIVER_HABITS: Readonly<Record<string, 'reuses' | 'far'>> = {
  'Trevor McAllister': 'reuses',
  'Darnell Price': 'far',
  'Olga Petrova': 'far',
}

export const ITEM_TITLES: ReadonlyArray<string> = [
  'Stainless steel insulated water bottle, 32 oz',
  'Wireless earbuds with charging case',
  'USB-C fast charger, 65 W, 2 ports',
  'Cotton bath towels, set of 4, slate grey',
  'Non-stick frying pan, 11 inch',
  'Paperback: The Midnight Library',
  'LEGO Classic creative brick box',
  'Organic green tea, 100 bags',
  'Running shoes, men\u2019s size 10',
  'Yoga mat, 6 mm, with carry strap',
  'Laundry detergent pods, 81 count',
  'HDMI 2.1 cable, 6 ft',
  'Dog chew toys, variety pack',
  'Cat litter, unscented, 40 lb',
  'Smart plug, 4 pack',
  'Vitamin D3 softgels, 250 count',
  'Kids\u2019 rain boots, size 12',
  'Mechanical keyboard, brown switches',
  'Ergonomic office chair cushion',
  'Coffee beans, medium roast, 2 lb',
  'Electric toothbrush replacement heads, 8 pack',
  'Phone case, clear, shock absorbing',
  'Blackout curtains, 52 x 84 in, pair',
  'Cast iron skillet, 12 inch',
  'Air fryer, 5.8 qt',
  'Printer paper, 500 sheets',
  'Noise-cancelling headphones',
  'Baby wipes, fragrance free, 12 packs',
  'Board game: Ticket to Ride',
  'Portable power bank, 20000 mAh',
  'Men\u2019s merino wool socks, 3 pairs',
  'Bluetooth speaker, waterproof',
  'Hardcover: Atlas of Remote Islands',
  'Kitchen scale, digital',
  'Garden hose nozzle, 8 patterns',
  'LED light bulbs, A19, 60 W equivalent, 6 pack',
  'Sunscreen SPF 50, 2 pack',
  'Reusable silicone food bags, 10 pack',
  'Desk lamp with wireless charger',
  'Puzzle, 1000 pieces, national parks',
  'Protein bars, chocolate peanut butter, 12 count',
  'Toddler sippy cups, 3 pack',
  'Microfiber cleaning cloths, 24 pack',
  'External SSD, 1 TB',
  'Winter gloves, touchscreen compatible',
]

/** Where drivers leave parcels at houses and at apartment buildings, by relative frequency. */
export const HOUSE_SPOTS: ReadonlyArray<readonly [DropOffSpot, number]> = [
  ['front_door', 46],
  ['porch', 22],
  ['garage', 8],
  ['back_door', 7],
  ['neighbor', 4],
  ['other', 5],
  ['locker', 1],
]
export const APARTMENT_SPOTS: ReadonlyArray<readonly [DropOffSpot, number]> = [
  ['front_door', 30],
  ['mailroom', 30],
  ['locker', 16],
  ['leasing_office', 12],
  ['neighbor', 4],
  ['other', 3],
  ['porch', 2],
]

export const DRIVER_NOTES: Readonly<Record<DropOffSpot, ReadonlyArray<string>>> = {
  front_door: [
    'Left at front door',
    'Left at front door, out of sight from the street',
    'Placed on doormat',
    'Left behind planter',
    'Tucked behind screen door',
    'Left by door, covered from rain',
    'Left at apartment door',
    'Customer asked to leave at door (no signature)',
  ],
  back_door: [
    'Left at back door per delivery instructions',
    'Back door, through side gate',
    'Left on back steps, gate latched after',
  ],
  porch: [
    'Left on porch',
    'Left on porch behind bench',
    'Porch, next to the chairs',
    'Left on covered porch',
    'Left behind planter on porch',
  ],
  garage: [
    'Left inside garage (door was open)',
    'Left by side garage door',
    'Placed next to garage, out of view',
  ],
  mailroom: [
    'Left in mailroom',
    'Mailroom, on the shelf marked with unit number',
    'Handed to building concierge',
    'Package room, code from customer',
  ],
  leasing_office: [
    'Left with leasing office',
    'Leasing office staff signed',
    'Left at front desk of leasing office',
  ],
  locker: [
    'Placed in parcel locker',
    'Locker 14, code sent to customer',
    'Building parcel locker, large compartment',
  ],
  neighbor: [
    'Handed to neighbour at #12',
    'Left with neighbor next door',
    'Neighbor across the hall accepted',
    'Handed to neighbour, name on slip',
  ],
  other: [
    'Left inside gate',
    'Left with security guard',
    'Left in side yard by the bins',
    'Left on bench by the entrance',
    'Left in the vestibule between doors',
  ],
}

export const ATTEMPT_NOTES: ReadonlyArray<string> = [
  'No safe place to leave; notice left',
  'Gate locked, no access code',
  'Customer not available, signature required',
  'Building closed, will retry next business day',
  'Dog in yard, could not reach door',
]

export const RETURN_NOTES: ReadonlyArray<string> = [
  'Returned to station: address not found',
  'Returned to station: refused by recipient',
  'Returned after 3 attempts',
  'Returned: damaged in transit',
]

export const CASE_NOTES: ReadonlyArray<string> = [
  'Customer says the porch was empty when they got home around 6 pm.',
  'Checked the photo: the parcel is at a door, but the house number is not visible.',
  'Photo shows a blue door; customer says theirs is white.',
  'Asked the customer to check with neighbours and the building mailroom.',
  'Customer called back, still has not found it.',
  'Drop-off GPS is about 300 m from the address; looks like the wrong street.',
  'Driver note says it was left with a neighbour. Asked the customer to check next door.',
  'Customer confirmed the photo is their front door.',
  'Building manager checked the package room, nothing under this name.',
  'Customer reports the box arrived crushed and the item is broken.',
  'Customer disputes the photo, says it was taken at another building.',
  'Escalated to the delivery station for a driver statement.',
  'Station confirms the driver was at the address at the delivery time.',
  'Offered a replacement; customer prefers a refund.',
  'Customer found it behind the planter. Closing.',
  'Left a voicemail for the customer, waiting to hear back.',
  'Emailed the customer with the delivery photo and location.',
  'Second missing-package report on this address this month; flagged for review.',
  'Customer is travelling, will check when back on Friday.',
  'Filed a carrier claim with the tracking number.',
]

export const RESOLUTION_NOTES: ReadonlyArray<string> = [
  'Refund issued to the original payment method.',
  'Replacement shipped with signature required.',
  'Customer found the parcel with a neighbour.',
  'Parcel was in the building mailroom under the wrong unit.',
  'Carrier claim accepted.',
  'Photo and GPS match the address; no further action.',
]
