"""Documented differences between python-jsonschema and the Rust verdicts; see check.py.

Keyed by the exact document (compact JSON, non-ASCII unescaped, as check.py prints it); the
value is the verdict python-jsonschema is known to give and the reason. Only these documents
are excused, and only with that verdict. Regenerate an entry only after reading the
disagreement it excuses: a new document that disagrees for another reason is a real bug.
"""

EMAIL = (
    "python-jsonschema checks format 'email' only for a '@' (jsonschema/_format.py is_email;"
    " documented: https://python-jsonschema.readthedocs.io/en/stable/validate/#email; intended"
    " per python-jsonschema/jsonschema#1284 and #204)"
)
LEAP_SECOND = (
    "python-jsonschema delegates 'date-time' to rfc3339-validator, whose validate_rfc3339 is"
    " documented as 'Leap seconds are no[t] supported' (seconds 00-59); the Rust side accepts"
    " 23:59:60 UTC as the jsonschema crate does"
)

KNOWN_DIFFERENCES: dict[str, tuple[bool, str]] = {
    # format: email. Rust rejects, python-jsonschema accepts (the string contains "@").
    # "user@@example.com": two `@`
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"refresh_token":"rt_51b3c2","scope":["accounts:read","payments:write"],"contact_email":"user@@example.com","issued_at":"2024-03-18T09:30:00Z"}': (True, EMAIL),
    # format: date-time with a leap second. Rust accepts, python-jsonschema rejects.
    # "1998-12-31T23:59:60Z"
    '{"id":"cus_8f2k1m","name":"Ada Lovelace","email":"ada@example.com","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"metadata":{"crm_id":"A-1042","segment":"enterprise"},"created_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /created_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"id":"cus_8f2k1m","name":"X","email":"x1@example.co.uk","status":"active","billing_address":{"line1":"Q~tZh2i0osyAm-d90xX1o#0Zuime#Abxoe/BhmidK.kpi2\\"\\"z.ione71oBmp7dQbr#s~c /~ ~eikuaQ/7_pzzpZ","city":"Leith","country":"XZ"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"created_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /email is "us er@example.com", not a valid email: a space
    '{"id":"cus_8f2k1m","name":"ec\\"7Zr/AmQmZbmgcae0o\\" m0B\\\\eney0-_na#upA7apdrnb","email":"us er@example.com","status":"suspended","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"created_at":"2032-10-20T04:49:46Z"}': (True, EMAIL),
    # /email is "@example.com", not a valid email: an empty local part
    '{"id":"cus_8f2k1m","name":"Ada Lovelace","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[],"created_at":"2024-03-18T09:30:00Z","email":"@example.com"}': (True, EMAIL),
    # /email is "user@@example.com", not a valid email: two `@`
    '{"id":"cus_jmk","name":"w","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"balance":654,"created_at":"2030-10-25T19:15:02.5+14:00","email":"user@@example.com"}': (True, EMAIL),
    # /email is "user@", not a valid email: an empty domain
    '{"id":"cus_8f2k1m","name":"Ada Lovelace","email":"user@","status":"closed","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"ud_izap1Xz1BX#be~#Kook f0-c159n2X#mfwnpu-#1~5wxko1sKceoQhxc9z9t/gpzh0eo9y0rAcK9-nwZ1kenm2eZ.r\\\\sseez\\\\zdat\\\\ga\\\\b_9sti\\\\\\\\K kZhyK5kK5zwtAB9ucsyhpaK5titcsya~/mzhf-o/#0QQfie1eawi1ige2e71po_.Xhnxbw_id5_1#gZ-dK","city":"Leith","country":"UP"},{"line1":"🦀","city":"ne#gut#\\\\irsroh BA","country":"GB"},{"line1":"rkZXuQ/c_xXp2iu#1yh\\\\m-_h7ci1_Z7 ke~.fb9pXmcrp7\\"Z9zt-90\\"w#.aahBaeey#1w~r\\\\h\\"uem7ceu2twx9Zpb/Br ","city":"Leith","country":"GB"}],"created_at":"2024-03-18T09:30:00Z"}': (True, EMAIL),
    # /created_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"id":"cus_8f2k1m","name":"  Bex9KA_f\\"/ bn\\\\Z/f1\\"p~ceB\\\\e/Bydrin.2X\\"_.7QsgQiu \\\\sK~.s5i/tzy#c1.0md","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","country":"GB"},"metadata":{},"balance":318,"created_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /email is "user@example..com", not a valid email: an empty domain label
    '{"id":"cus_8f2k1m","name":"1afx_\\"xe\\"shk_ng.r1c-r/w7mA.uX525AXxktX0\\\\cc1re9o.tt.0rhoZ1n-bKdb-py\\\\25~kK2AgpeByxtBurko~ixooXBif#c9b-hd57~usA/zXQ\\"/d9hXeib.72k2pQZ1g1rda7zggnzKurhsawhu2x91fZ1##2w7z_e57he9wbef5x#Q\\\\5#tcQBidsA2-2-z\\"z\\"k#h","email":"user@example..com","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"created_at":"2071-06-27T13:51:06Z"}': (True, EMAIL),
    # /created_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"id":"cus_zdla","name":"KBd\\\\u/0h","email":"a+tag@example.com","status":"suspended","billing_address":{"line1":"Zh\\\\h9_ggBgpbb\\"/yxg.XAo-zwkr5zea1Bbh#BtAxQKnhXhk~kk1rQx_s~sb\\"22smt#0pZXy50-0s#Qwe fngoAs\\\\hAAZ0tgwsbk9K\\\\y0s0w~uep krAgA","city":"u","country":"JX"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"created_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /email is "user@example..com", not a valid email: an empty domain label
    '{"id":"cus_9k","name":"Ada Lovelace","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"balance":28,"created_at":"2036-02-09T04:06:45.5+00:00","email":"user@example..com"}': (True, EMAIL),
    # /email is "user@", not a valid email: an empty domain
    '{"id":"cus_8f2k1m","name":"x","email":"user@","status":"suspended","billing_address":{"line1":"~B9 \\"wi#ZK1a\\\\\\"wxswB\\"Bffwzun wa5mhy.~mwQer7x~y/r0gs-aAQ0~cspiocK#.-.BX5n~oa Z_79\\"zfsX9bX_ykr-K0i5X0-os#7#~_s59etp\\\\cf-r//055/ub#ysdQ5skkaix 0Xr2~ZopaA0psdndot#z.st wi9c/\\"#t0fhZ#hQbhZsczem-euc.dmkAZguiog","city":"中","postal_code":"ia. ny","country":"GB"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"created_at":"2070-12-08T14:56:07.344+14:00"}': (True, EMAIL),
    # /email is "us er@example.com", not a valid email: a space
    '{"id":"cus_8f2k1m","name":"Ada Lovelace","status":"active","billing_address":{"line1":"中wdBdß日02𝄞th🦀y\\\\ж🦀ü~𝄞😀kba#bn日myΩrüQ\\\\中Zü😀pi𝄞🦀ütßZéK🦀.5€жX𝄞p_日\\\\ñn2日g中𝄞t_K𝄞0ñΩ🦀uß中oQsX日bmhmжB.𝄞 𝄞u0\\"\\"5 ","city":"t","postal_code":"","country":"GB"},"metadata":{},"created_at":"2093-09-23T07:50:58.362Z","email":"us er@example.com"}': (True, EMAIL),
    # /email is "user@@example.com", not a valid email: two `@`
    '{"id":"cus_8f2k1m","name":"Ada Lovelace","email":"user@@example.com","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"metadata":{"crm_id":"A-1042","segment":"enterprise"},"created_at":"2024-03-18T09:30:00Z"}': (True, EMAIL),
    # /email is "@example.com", not a valid email: an empty local part
    '{"id":"cus_gi7","name":"€bZcжkBñ9жeu日épzceß🦀-p🦀日日é中日😀-üc€ééyA€日日\\\\2жé-cßcb0f1ΩΩßx日xжmhac€urhtpwжß中99𝄞h€Z𝄞ΩKbжж2𝄞aж中😀p-d𝄞\\\\ñü\\\\cBct日\\\\жx\\\\m€drñ 5 日𝄞xpk𝄞yΩn𝄞ew中én🦀y日eXau5Ω🦀A🦀","email":"@example.com","status":"active","billing_address":{"line1":"k","city":"日","postal_code":"Be","country":"GB"},"balance":764,"created_at":"2051-02-08T07:28:29.5+14:00"}': (True, EMAIL),
    # /email is "user@example..com", not a valid email: an empty domain label
    '{"id":"cus_kqn","name":"cKfeke\\\\w_0\\"AQ-\\\\bfibo y#1cKp7kArXx7Z~-b/cr7nwy.e e\\\\snu9ttn5BwK\\\\dphXpBgA zkz\\\\B\\\\op1#gwt\\\\_y-5n\\"hd~of7_\\"QpnAzxu\\\\5_f~n_5i-\\"yams-k-e75p1\\\\rcQgauXeZzzhigB#1/0u.gbdKgwi0QrgoZi\\\\9","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"12 Harbour Street","city":"gm ~fo-zg1_~mphnn","country":"GB"},{"line1":"x","city":"Q19\\"","country":"GB"}],"metadata":{"crm_id":"A-1042","segment":"enterprise"},"created_at":"2003-04-16T23:24:01Z","email":"user@example..com"}': (True, EMAIL),
    # /email is "us er@example.com", not a valid email: a space
    '{"id":"cus_ezk","name":"Ada Lovelace","email":"us er@example.com","status":"active","billing_address":{"line1":"é中€myye𝄞 /.dép2mh9Xb𝄞~~𝄞ñu中-Zéa/dAK20日hxiopΩ中 \\"€e7xnaneñ😀p日-🦀~0€日ß€xA🦀kж\\"\\\\\\"日🦀tmn中-f.Zü€🦀w2B€x_hr中.中se\\"😀éc€-5Q_\\"fxyg中5oΩr2b中a𝄞f𝄞h🦀€c5日b中moüz€sapΩuZßh/ñKar中ü€#t75中ucdж/Zu~d日ß🦀üünbai","city":"m","postal_code":"𝄞u","country":"GB"},"shipping_addresses":[{"line1":"🦀üanQßféßf\\"𝄞ñ5#𝄞pжß€rZda-üü_Ωüf中жu中zn€gu日𝄞h𝄞dp\\\\ß","city":"Leith","country":"GB"},{"line1":"sutZi\\"rK\\\\yb-uc_bs~k zf. tBdQ9","city":"Leith","country":"GB"}],"metadata":{},"created_at":"2048-04-22T06:12:55.5-05:30"}': (True, EMAIL),
    # /email is "user@", not a valid email: an empty domain
    '{"id":"cus_0","name":"c0r \\"9.trdr~rm e.sp\\"uc-Z1t##a~db#zr0f.oi ZK5Z.ydcbAcb97zwdr0_m1ZQrQw2x/AhuZwhxx7a~.te\\\\ky-9axwgZix/","status":"suspended","billing_address":{"line1":"12 Harbour Street","city":"日_\\\\𝄞","postal_code":"ukpxko0\\"X7","country":"GB"},"metadata":{"crm_id":"A-1042","segment":"enterprise"},"balance":729,"created_at":"2034-09-19T03:24:09+00:00","email":"user@"}': (True, EMAIL),
    # /email is "user@@example.com", not a valid email: two `@`
    '{"id":"cus_8f2k1m","name":"𝄞Qd日ßfa_жé5.bh9füüf~𝄞😀🦀ßcz5🦀_Q€k_ΩK𝄞\\"€中95A日é日𝄞XXñΩ€/\\"😀dwжññ😀𝄞gñüΩ 𝄞中2goh€Kßpñuü日\\"1hжe\\\\🦀日e€ß🦀x9ac€𝄞n中uif日bAéc€€a.xud1日tXrzж1\\"\\\\_5kos日k中mmΩ\\\\wñi~ Bñ€/жéa#🦀tQhc€1üΩж5日7\\"ж Kéßßж🦀1.b5𝄞fQn/0中d日z日日ж 中-g中p1中\\"1Ω","status":"suspended","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"4 Mill Lane","city":"Dublin","country":"IE"}],"metadata":{"ключ":"y._u2#czQ/Bx","gamma":"éoza\\\\","":""},"created_at":"2024-03-18T09:30:00Z","email":"user@@example.com"}': (True, EMAIL),
    # /email is "@example.com", not a valid email: an empty local part
    '{"id":"cus_52y","name":"Ada Lovelace","status":"active","billing_address":{"line1":"12 Harbour Street","city":"Leith","postal_code":"EH6 6QU","country":"GB"},"shipping_addresses":[{"line1":"€dtaж5#p0X2Ω09é日ua5B𝄞ñ9Xe1ß日ewAñnB.Ωpmy🦀日#p😀ññf中 €-m5g\\"eépdeжs𝄞日oΩs🦀7pжΩxréné𝄞ßß~h/n/.zkz7oñry𝄞🦀x🦀🦀ZéñooX𝄞жe中n0ßu𝄞fe€B€usaK😀é😀ß🦀Ω🦀h7é😀\\"Acx😀y5dyx日🦀中srb/日oé\\\\akΩ🦀中ñ7z.h/Zzdf9üB~w_yXж中y日xénü9Ω~X中🦀\\"ZükQpaw","city":"os-#xypuZK1obhAik","country":"GB"},{"line1":"rduAtouigr\\\\x zb1z Xm-buK\\\\7-05#w do-2~5ceZiKn201\\\\tAbAf.rt\\" zgg\\"Bcy Zm","city":"Leith","country":"GB"},{"line1":"ü","city":"~","country":"GB"}],"metadata":{"crm_id":"A-1042","segment":"enterprise"},"created_at":"2012-07-26T11:54:15-05:30","email":"@example.com"}': (True, EMAIL),
    # /contact_email is "us er@example.com", not a valid email: a space
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"refresh_token":"rt_51b3c2","scope":["accounts:read","payments:write"],"contact_email":"us er@example.com","issued_at":"2024-03-18T09:30:00Z"}': (True, EMAIL),
    # /contact_email is "user@example..com", not a valid email: an empty domain label
    '{"access_token":"ey-oh\\\\gweraB7shw052","token_type":"Bearer","expires_in":86400,"refresh_token":"f.AtAe","contact_email":"user@example..com","refreshable":false}': (True, EMAIL),
    # /issued_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"access_token":"😀p9🦀17€b中жAdo9~Ztü中𝄞€😀ü","token_type":"bearer","expires_in":690,"scope":["ic:read"],"contact_email":"user@example.com","issued_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /contact_email is "user@", not a valid email: an empty domain
    '{"access_token":"o_7o5f\\\\A7. d/_xw nsoaf7AB~9","token_type":"Bearer","expires_in":77623,"refresh_token":"rt_51b3c2","issued_at":"1972-06-20T23:24:03+02:00","refreshable":true,"contact_email":"user@"}': (True, EMAIL),
    # /contact_email is "@example.com", not a valid email: an empty local part
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"scope":["nnjw:write"],"refreshable":false,"contact_email":"@example.com"}': (True, EMAIL),
    # /issued_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":1,"refresh_token":"t\\\\/.#A_dK~QB","issued_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /contact_email is "@example.com", not a valid email: an empty local part
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"refresh_token":"rt_51b3c2","scope":["accounts:read","payments:write"],"contact_email":"@example.com","issued_at":"2024-03-18T09:30:00Z"}': (True, EMAIL),
    # /issued_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"access_token":"ZuZn/eab/0B/Xprwc/A_bQ2~fb09X","token_type":"Bearer","expires_in":85228,"refresh_token":"rt_51b3c2","contact_email":"a+tag@example.co.uk","issued_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /contact_email is "us er@example.com", not a valid email: a space
    '{"access_token":"cAX\\"Zwt0k~yZrwseBrpomB.ghhxu0d9","token_type":"Bearer","expires_in":84352,"refresh_token":"Kga~BmtKww5--obw","contact_email":"us er@example.com"}': (True, EMAIL),
    # /contact_email is "user@@example.com", not a valid email: two `@`
    '{"access_token":"Q 9/rx-t7xggXfgbs\\\\~7\\"me\\"yo-mpK\\\\9","token_type":"Bearer","expires_in":3600,"issued_at":"2045-10-27T12:11:17.251+00:00","refreshable":false,"contact_email":"user@@example.com"}': (True, EMAIL),
    # /issued_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"access_token":"1wb~QortA_-.xd/5ztmi/-d/c1XX\\\\ZBc","token_type":"Bearer","expires_in":54829,"refreshable":true,"issued_at":"1998-12-31T23:59:60Z"}': (False, LEAP_SECOND),
    # /contact_email is "user@example..com", not a valid email: an empty domain label
    '{"access_token":"wb\\\\1yhp/epgxm5k#tBx","token_type":"Bearer","expires_in":1,"contact_email":"user@example..com"}': (True, EMAIL),
    # /contact_email is "user@", not a valid email: an empty domain
    '{"access_token":"€xQ_Ωa97€i中0d-Ωж","token_type":"Bearer","expires_in":14494,"scope":["wril:read"],"refreshable":false,"contact_email":"user@"}': (True, EMAIL),
    # /contact_email is "@example.com", not a valid email: an empty local part
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"refresh_token":".aak2gkpyuB","scope":[],"contact_email":"@example.com"}': (True, EMAIL),
    # /contact_email is "user@example..com", not a valid email: an empty domain label
    '{"access_token":"\\"osxcbx9u#x2ZdZ\\" ~ckBs-Kbc","token_type":"Bearer","expires_in":21298,"refresh_token":"rt_51b3c2","issued_at":"2008-12-02T04:52:11.368+14:00","refreshable":true,"contact_email":"user@example..com"}': (True, EMAIL),
    # /issued_at is "1998-12-31T23:59:60Z", a valid date-time with a leap second
    '{"access_token":".Xn~.1i_k_kdtXfX71fyB7-X","token_type":"Bearer","expires_in":3600,"refresh_token":"rt_51b3c2","contact_email":"security@example.com","issued_at":"1998-12-31T23:59:60Z","refreshable":true}': (False, LEAP_SECOND),
    # /contact_email is "user@@example.com", not a valid email: two `@`
    '{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","token_type":"Bearer","expires_in":3600,"refresh_token":"h#/.pQtgznz1_AeZ","scope":["vfi:write","m:read"],"contact_email":"user@@example.com","refreshable":true}': (True, EMAIL),
    # /contact_email is "user@", not a valid email: an empty domain
    '{"access_token":"Ωé_é\\"sΩ-Q\\"XΩé😀5#po😀/.zü-","token_type":"Bearer","expires_in":19336,"refresh_token":"\\"9y1iB.~erwspczx","issued_at":"2017-12-14T09:09:27+14:00","refreshable":true,"contact_email":"user@"}': (True, EMAIL),
    # /contact_email is "us er@example.com", not a valid email: a space
    '{"access_token":"f\\"cK.0ih9hoQB/z_gw-afmobf/ \\"","token_type":"bearer","expires_in":78566,"refresh_token":" 9 1#k7nQnik5Xmp","contact_email":"us er@example.com"}': (True, EMAIL),
}
