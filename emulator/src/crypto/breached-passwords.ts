/**
 * A small, bundled stand-in for a breached-password corpus (Stytch uses HaveIBeenPwned).
 *
 * The emulator runs offline, so instead of querying HIBP it checks passwords against a
 * few hundred of the most frequently leaked passwords (the usual top entries of public
 * breach-frequency lists: rockyou, annual "worst passwords" lists, and common
 * keyboard walks / number runs / names / words with trailing digits).
 *
 * Entries are lower-case; callers are expected to compare case-insensitively.
 */
const list: ReadonlyArray<string> = [
  "123456", "password", "123456789", "12345678", "12345", "qwerty", "abc123", "password1", "111111",
  "1234567", "123123", "1234567890", "1234", "000000", "iloveyou", "qwerty123", "1q2w3e4r",
  "1qaz2wsx", "qwertyuiop", "654321", "555555", "666666", "777777", "888888", "999999", "121212",
  "112233", "123321", "123qwe", "159753", "987654321", "696969", "11111111", "12341234", "123654",
  "1111", "0000", "2000", "aaaaaa", "abcdef", "abcd1234", "abc12345", "a123456", "a12345",
  "123456a", "password123", "password12", "password!", "password1!", "passw0rd", "p@ssw0rd",
  "p@ssword", "p@$$w0rd", "pass", "pass123", "pass1234", "passpass", "letmein", "letmein1",
  "welcome", "welcome1", "welcome123", "admin", "admin123", "administrator", "root", "toor",
  "login", "guest", "master", "master123", "dragon", "monkey", "football", "baseball", "basketball",
  "soccer", "hockey", "superman", "batman", "spiderman", "starwars", "pokemon", "princess",
  "sunshine", "shadow", "michael", "jennifer", "jessica", "ashley", "daniel", "thomas", "jordan",
  "jordan23", "hunter", "hunter2", "harley", "ranger", "buster", "tigger", "charlie", "robert",
  "matthew", "andrew", "joshua", "george", "summer", "winter", "autumn", "spring", "flower",
  "freedom", "whatever", "trustno1", "secret", "secret123", "qazwsx", "zaq12wsx", "zxcvbnm",
  "zxcvbn", "asdfgh", "asdfghjkl", "asdf1234", "qwer1234", "q1w2e3r4", "1q2w3e", "1q2w3e4r5t",
  "qwert", "qwerty1", "qwertyu", "mustang", "access", "killer", "killer1", "hello", "hello123",
  "hellokitty", "lovely", "loveme", "love", "lover", "iloveu", "iloveyou1", "iloveyou2", "babygirl",
  "angel", "angels", "cookie", "chocolate", "cheese", "pepper", "ginger", "maggie", "bailey",
  "buddy", "lucky", "lucky1", "tiger", "jordan1", "nicole", "daniel1", "michelle", "amanda",
  "jasmine", "samantha", "justin", "taylor", "anthony", "william", "joseph", "patrick", "nathan",
  "austin", "chelsea", "liverpool", "arsenal", "barcelona", "chicago", "dallas", "yankees",
  "cowboys", "eagles", "steelers", "lakers", "packers", "corvette", "ferrari", "porsche",
  "mercedes", "computer", "internet", "samsung", "google", "apple", "microsoft", "matrix", "merlin",
  "phoenix", "falcon", "wizard", "dakota", "cheyenne", "blahblah", "whatever1", "nothing",
  "changeme", "default", "test", "test123", "test1234", "testing", "demo", "sample", "qwerty12",
  "qwerty1234", "1qazxsw2", "1234qwer", "12qwaszx", "asdasd", "asd123", "zxc123", "qweasd",
  "qweasdzxc", "aa123456", "123abc", "abc", "abcabc", "abcdefg", "abcdefgh", "abcde", "abcd",
  "monkey1", "dragon1", "shadow1", "sunshine1", "princess1", "football1", "baseball1", "superman1",
  "batman1", "charlie1", "michael1", "jessica1", "ashley1", "password2", "password3", "password01",
  "password2020", "password2021", "password2022", "password2023", "password2024", "welcome2020",
  "summer2020", "summer2021", "summer2022", "summer2023", "summer2024", "spring2024", "winter2023",
  "letmein123", "trustno1!", "mypassword", "mypass", "newpassword", "yourpassword",
  "secretpassword", "passwort", "motdepasse", "contrasena", "senha", "senha123", "parola",
  "wachtwoord", "salasana", "haslo", "qwertz", "azerty", "azerty123", "1qaz!qaz", "!qaz2wsx",
  "!@#$%^", "!@#$%^&*", "1q2w3e4r!", "zaq1zaq1", "zaq!2wsx", "q1w2e3r4t5", "q1w2e3", "147258369",
  "147258", "123789", "741852963", "789456123", "789456", "456789", "456123", "321654", "102030",
  "101010", "202020", "131313", "232323", "252525", "007007", "696969a", "11223344", "12344321",
  "123123123", "123456123", "1234512345", "0987654321", "9876543210", "12121212", "88888888",
  "66666666", "00000000", "99999999", "55555555", "87654321", "147852369", "1111111", "11111",
  "222222", "333333", "444444", "1212", "6969", "7777777", "2580", "5201314", "qwe123", "qweqwe",
  "qwerty!", "qwerty12345", "asdfasdf", "asdfgh1", "zxcvbnm1", "monkey123", "dragon123", "soccer1",
  "hockey1", "starwars1", "pokemon1", "minecraft", "fortnite", "roblox", "gaming", "gamer",
  "playstation", "xbox360", "nintendo", "naruto", "sasuke", "onepiece", "snoopy", "garfield",
  "mickey", "minnie", "tweety", "scooby", "bubbles", "butterfly", "rainbow", "sunflower", "diamond",
  "silver", "golden", "orange", "banana", "peaches", "strawberry", "cherry", "purple", "yellow",
  "blue", "red123", "green", "black", "white", "jesus", "jesus1", "god", "blessed", "faith",
  "heaven", "christ", "angel1", "trinity", "justice", "liberty", "america", "canada", "london",
  "paris", "berlin", "mexico", "brazil", "india", "china", "russia", "florida", "texas", "boston",
  "newyork", "california", "heather", "hannah", "sophie", "olivia", "emma", "lauren", "rachel",
  "alexis", "andrea", "victoria", "elizabeth", "alexander", "benjamin", "christopher", "jonathan",
  "richard", "charles", "david", "james", "john", "mike", "chris", "kevin", "brian", "steven",
  "eric", "scott", "mark", "paul", "peter", "martin", "william1", "qwertyuiop1", "asdfghjkl1",
  "iloveyou!", "loveyou", "love123", "mylove", "forever", "together", "family", "friends", "friend",
  "happy", "smile", "lol123", "omg123", "money", "money1", "cash", "bitcoin", "business", "office",
  "work", "company", "server", "system", "network", "security", "manager", "support", "service",
  "user", "username", "user123", "info", "mail", "email", "web", "website", "oracle", "mysql",
  "postgres", "database", "sql", "linux", "ubuntu", "windows", "unix", "cisco", "router",
  "letmein!", "password?", "welcome!", "changeme1", "changeme123", "temp", "temp123", "temppass",
  "default1", "master1", "access14", "killer123", "hunter1", "bigdaddy", "sexy", "hottie", "cutie",
  "babyboy", "princesa", "tequiero", "teamo", "bonjour", "ciao", "hola"
]

export const breachedPasswords: ReadonlySet<string> = new Set(list)
