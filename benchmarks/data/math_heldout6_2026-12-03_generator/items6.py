# Item bank for heldout6 (hand-written). Each item: kind, question, gold, eq (equivalent final forms), wrong (tag -> form)
ITEMS = [
 # integer
 ("integer","How many apples remain if 48 are split, 17 eaten?","31",["31","31.0","thirty-one"],{"near":"32","sign":"-31","near2":"29"}),
 ("integer","Sum of the first 20 positive integers?","210",["210","210.00"],{"near":"200","near2":"220","sign":"-210"}),
 ("integer","Number of edges of a cube times 3?","36",["36","36"],{"near":"35","near2":"24","sign":"-36"}),
 ("integer","Value of 7^2 - 13?","36",["36","\\text{36}"],{"near":"37","sign":"-36","near2":"62"}),
 # decimal
 ("decimal","Average of 2.4, 3.1 and 4.4?","3.3",["3.3","3.30","\\frac{33}{10}"],{"near":"3.4","round":"3","sign":"-3.3"}),
 ("decimal","Cost per ounce 7.5 / 12?","0.625",["0.625",".625","\\frac{5}{8}"],{"near":"0.63","near2":"0.652","sign":"-0.625"}),
 ("decimal","Value of 1.2 * 0.35?","0.42",["0.42","0.420","\\frac{21}{50}"],{"near":"4.2","near2":"0.44","sign":"-0.42"}),
 # fraction
 ("fraction","Probability of drawing a red card then another red (no replacement)?","\\frac{25}{102}",["\\frac{25}{102}","25/102","\\dfrac{25}{102}"],{"near":"\\frac{1}{4}","round":"0.245","near2":"\\frac{26}{102}"}),
 ("fraction","Simplify 12/18.","\\frac{2}{3}",["\\frac{2}{3}","2/3","\\frac{4}{6}"],{"near":"\\frac{3}{2}","round":"0.67","sign":"-\\frac{2}{3}"}),
 ("fraction","Value of 1/3 + 1/4?","\\frac{7}{12}",["\\frac{7}{12}","7/12","\\tfrac{7}{12}"],{"near":"\\frac{2}{7}","round":"0.583","near2":"\\frac{5}{12}"}),
 ("fraction","Slope between (1,2) and (4,-3)?","-\\frac{5}{3}",["-\\frac{5}{3}","-5/3","\\frac{-5}{3}"],{"sign":"\\frac{5}{3}","round":"-1.67","near":"-\\frac{3}{5}"}),
 # mixed number
 ("mixed","Total length 2 1/2 + 1 3/4 feet?","4\\frac{1}{4}",["4\\frac{1}{4}","4 1/4","\\frac{17}{4}","4.25"],{"near":"3\\frac{1}{4}","near2":"4\\frac{3}{4}","sign":"-4\\frac{1}{4}"}),
 ("mixed","Cups of flour 3 2/3 + 1 2/3?","5\\frac{1}{3}",["5\\frac{1}{3}","5 1/3","\\frac{16}{3}"],{"near":"4\\frac{2}{3}","round":"5.33","near2":"5\\frac{2}{3}"}),
 ("mixed","Hours worked: 7/2 + 5/4?","4\\frac{3}{4}",["4\\frac{3}{4}","4 3/4","\\frac{19}{4}","4.75"],{"near":"4\\frac{1}{4}","near2":"3\\frac{3}{4}","round":"5"}),
 # percent
 ("percent","What percent of 80 is 20?","25\\%",["25\\%","25%","25 percent","25"],{"decpct":"0.25","near":"20\\%","near2":"40\\%"}),
 ("percent","Percent increase from 40 to 50?","25\\%",["25%","25 percent","25.0\\%"],{"decpct":"0.25","near":"20\\%","near2":"10\\%"}),
 ("percent","Discount 18 off 120 as a percent?","15\\%",["15\\%","15 percent","15%"],{"decpct":"0.15","near":"18\\%","near2":"85\\%"}),
 # currency
 ("currency","Total for 3 shirts at $12.50?","37.50",["\\$37.50","$37.50","37.5 dollars","37.5"],{"near":"\\$36.50","near2":"\\$3750","sign":"-\\$37.50"}),
 ("currency","Change from $50 after spending $23.75?","26.25",["\\$26.25","$26.25","26.25 dollars"],{"near":"\\$27.25","near2":"\\$26.75","sign":"-\\$26.25"}),
 ("currency","Weekly pay 40 h at $15?","600",["\\$600","$600.00","600 dollars","\\$600.00"],{"near":"\\$650","near2":"\\$60","units":"\\$6000"}),
 # units
 ("units","Distance at 60 km/h for 2.5 h?","150",["150 km","150\\text{ km}","150 kilometers","150"],{"units":"150000 m","near":"140 km","near2":"120 km"}),
 ("units","Area of 12 m by 7 m room?","84",["84 m^2","84\\text{ m}^2","84 square meters"],{"near":"38 m^2","units":"840000 cm^2","near2":"86 m^2"}),
 ("units","Mass of 3 bags of 2.5 kg?","7.5",["7.5 kg","7.5\\,\\text{kg}","7.50 kilograms"],{"units":"7500 g","near":"7 kg","near2":"5.5 kg"}),
 # time
 ("time","Train leaves 9:40 AM, trip 2 h 35 min. Arrival?","12:15 PM",["12:15 PM","12:15 p.m.","12:15","12:15 pm"],{"meridiem":"12:15 AM","near":"12:05 PM","near2":"11:15 AM"}),
 ("time","Meeting starts 1:50 PM and lasts 95 minutes. End?","3:25 PM",["3:25 PM","15:25","3:25 p.m."],{"meridiem":"3:25 AM","near":"3:35 PM","near2":"2:25 PM"}),
 ("time","Alarm 7 h 45 min after 10:30 PM?","6:15 AM",["6:15 AM","06:15","6:15 a.m."],{"meridiem":"6:15 PM","near":"6:45 AM","near2":"5:15 AM"}),
 # scientific
 ("scientific","Product (3 x 10^4)(2.1 x 10^3)?","6.3\\times 10^{7}",["6.3\\times 10^{7}","6.3 \\times 10^7","63000000","6.3e7","63 million"],{"near":"6.3\\times 10^{6}","near2":"5.1\\times 10^{7}","sign":"-6.3\\times 10^{7}"}),
 ("scientific","Light-year approx 9.46 x 10^12 km times 2?","1.892\\times 10^{13}",["1.892\\times 10^{13}","18.92\\times 10^{12}","1.892e13"],{"near":"1.892\\times 10^{12}","round":"1.9\\times 10^{13}","near2":"18.92\\times 10^{13}"}),
 ("scientific","Quotient 8.4 x 10^-3 / 2 x 10^2?","4.2\\times 10^{-5}",["4.2\\times 10^{-5}","0.000042","4.2e-5"],{"near":"4.2\\times 10^{5}","near2":"4.2\\times 10^{-1}","sign":"-4.2\\times 10^{-5}"}),
 # expression
 ("expression","Expand (x+3)(x-2).","x^2+x-6",["x^2+x-6","x^{2} + x - 6","(x+3)(x-2)","x^2 - 6 + x"],{"near":"x^2-x-6","sign":"x^2+x+6","near2":"x^2+5x-6"}),
 ("expression","Simplify (2a^2 b)(3ab^3).","6a^3b^4",["6a^3b^4","6a^{3}b^{4}","6 b^4 a^3"],{"near":"6a^2b^3","near2":"5a^3b^4","sign":"-6a^3b^4"}),
 ("expression","Derivative of x^3 - 4x.","3x^2-4",["3x^2-4","3x^{2} - 4","-4+3x^2"],{"near":"3x^2-4x","sign":"3x^2+4","near2":"x^2-4"}),
 ("expression","Simplify \\sqrt{50}.","5\\sqrt{2}",["5\\sqrt{2}","\\sqrt{50}","5 \\sqrt 2"],{"near":"2\\sqrt{5}","round":"7.07","near2":"25\\sqrt{2}"}),
 # equation
 ("equation","Line through (0,3) with slope 2.","y=2x+3",["y=2x+3","y = 3 + 2x","2x - y + 3 = 0","y - 3 = 2x"],{"near":"y=3x+2","sign":"y=-2x+3","near2":"y=2x-3"}),
 ("equation","Circle centered at origin, radius 5.","x^2+y^2=25",["x^2+y^2=25","y^2 + x^2 = 25","x^2+y^2-25=0"],{"near":"x^2+y^2=5","near2":"x^2-y^2=25","sign":"x^2+y^2=-25"}),
 ("equation","Line through (1,1) and (3,5).","y=2x-1",["y=2x-1","2x-y=1","y+1=2x"],{"near":"y=2x+1","sign":"y=-2x-1","near2":"y=x+2"}),
 # system
 ("system","Solve x+y=5, x-y=1.","x=3, y=2",["x=3, y=2","x = 3,\\ y = 2","y=2, x=3"],{"swap":"x=2, y=3","near":"x=3, y=-2","near2":"x=4, y=1"}),
 ("system","Solve 2x+y=7, x-y=-1.","x=2, y=3",["x=2, y=3","x = 2 \\text{ and } y = 3","y = 3, x = 2"],{"swap":"x=3, y=2","near":"x=2, y=-3","near2":"x=1, y=5"}),
 ("system","Solve a+2b=4, 3a-b=5.","a=2, b=1",["a=2, b=1","b=1, a=2","a = 2 \\text{ and } b = 1"],{"swap":"a=1, b=2","near":"a=2, b=-1","near2":"a=3, b=1"}),
 # tuple
 ("tuple","Triple (a,b,c) with a=1,b=a+2,c=ab.","(1, 3, 3)",["(1, 3, 3)","(1,3,3)","\\left(1, 3, 3\\right)"],{"swap":"(3, 1, 3)","set":"\\{1, 3, 3\\}","near":"(1, 3, 4)"}),
 ("tuple","(quotient, remainder) of 47 / 6.","(7, 5)",["(7, 5)","(7,5)","\\left(7,5\\right)"],{"swap":"(5, 7)","set":"\\{7, 5\\}","near":"(7, 4)"}),
 ("tuple","Roots (r1, r2) of x^2-5x+6 with r1<r2.","(2, 3)",["(2, 3)","(2,3)"],{"swap":"(3, 2)","set":"\\{2, 3\\}","sign":"(-2, -3)"}),
 # ordered pair
 ("pair","Vertex of y=(x-2)^2+5.","(2, 5)",["(2, 5)","(2,5)","\\left(2, 5\\right)"],{"swap":"(5, 2)","sign":"(-2, 5)","set":"\\{2, 5\\}"}),
 ("pair","Midpoint of (2,-4) and (6,10).","(4, 3)",["(4, 3)","(4,3)","\\left(4,\\,3\\right)"],{"swap":"(3, 4)","sign":"(4, -3)","near":"(4, 7)"}),
 ("pair","Intersection of y=x and y=-x+6.","(3, 3)",["(3, 3)","(3,3)"],{"near":"(3, 6)","sign":"(-3, -3)","near2":"(6, 0)"}),
 ("pair","Point on y=2x-1 with x=-1.","(-1, -3)",["(-1, -3)","(-1,-3)"],{"swap":"(-3, -1)","sign":"(1, 3)","near":"(-1, -1)"}),
 # set
 ("set","Solutions of x^2 = 9 together with 0: x^3 - 9x = 0.","\\{-3, 0, 3\\}",["\\{-3, 0, 3\\}","\\{0, 3, -3\\}","\\{3, -3, 0\\}","-3, 0, 3"],{"near":"\\{0, 3\\}","near2":"\\{-3, 3\\}","sign":"\\{-9, 0, 9\\}"}),
 ("set","Prime divisors of 60.","\\{2, 3, 5\\}",["\\{2, 3, 5\\}","\\{5, 3, 2\\}","\\{3, 2, 5\\}"],{"near":"\\{2, 3, 5, 6\\}","near2":"\\{2, 5\\}","sign":"\\{2, 3, 4, 5\\}"}),
 ("set","A = {1,2,3,4}, B = {3,4,5}: A intersect B.","\\{3, 4\\}",["\\{3, 4\\}","\\{4, 3\\}"],{"near":"\\{1, 2, 3, 4, 5\\}","near2":"\\{3\\}","sign":"\\{1, 2\\}"}),
 # interval
 ("interval","Solve 2x - 3 > 5 in interval notation.","(4, \\infty)",["(4, \\infty)","(4,\\infty)","x > 4"],{"bracket":"[4, \\infty)","near":"(-\\infty, 4)","sign":"(-4, \\infty)"}),
 ("interval","Domain of sqrt(x-1) on x<=6.","[1, 6]",["[1, 6]","[1,6]","1 \\le x \\le 6"],{"bracket":"(1, 6]","near":"[1, 6)","near2":"[0, 6]"}),
 ("interval","Solve |x| < 3.","(-3, 3)",["(-3, 3)","-3 < x < 3","(-3,3)"],{"bracket":"[-3, 3]","near":"(-\\infty, 3)","near2":"(0, 3)"}),
 # inequality
 ("inequality","Solve 3x + 2 \\le 11.","x \\le 3",["x \\le 3","x \\leq 3","(-\\infty, 3]","3 \\ge x"],{"bracket":"x < 3","sign":"x \\ge 3","near":"x \\le 4"}),
 ("inequality","Solve -2x > 8.","x < -4",["x < -4","(-\\infty, -4)","-4 > x"],{"sign":"x > -4","bracket":"x \\le -4","near":"x < 4"}),
 ("inequality","Solve x - 5 \\ge -2.","x \\ge 3",["x \\ge 3","x \\geq 3","[3, \\infty)"],{"bracket":"x > 3","sign":"x \\le 3","near":"x \\ge -3"}),
 # matrix
 ("matrix","Compute [[1,2],[3,4]] + [[1,0],[0,1]].","\\begin{pmatrix} 2 & 2 \\\\ 3 & 5 \\end{pmatrix}",["\\begin{pmatrix} 2 & 2 \\\\ 3 & 5 \\end{pmatrix}","\\begin{bmatrix}2&2\\\\3&5\\end{bmatrix}","[[2, 2], [3, 5]]"],{"transpose":"\\begin{pmatrix} 2 & 3 \\\\ 2 & 5 \\end{pmatrix}","near":"\\begin{pmatrix} 2 & 2 \\\\ 3 & 4 \\end{pmatrix}","sign":"\\begin{pmatrix} -2 & -2 \\\\ -3 & -5 \\end{pmatrix}"}),
 ("matrix","Transpose of [[1,2],[0,3]].","\\begin{pmatrix} 1 & 0 \\\\ 2 & 3 \\end{pmatrix}",["\\begin{pmatrix} 1 & 0 \\\\ 2 & 3 \\end{pmatrix}","[[1, 0], [2, 3]]","\\begin{bmatrix} 1 & 0 \\\\ 2 & 3 \\end{bmatrix}"],{"transpose":"\\begin{pmatrix} 1 & 2 \\\\ 0 & 3 \\end{pmatrix}","near":"\\begin{pmatrix} 1 & 0 \\\\ 2 & 4 \\end{pmatrix}","sign":"\\begin{pmatrix} 1 & 0 \\\\ -2 & 3 \\end{pmatrix}"}),
 ("matrix","2 * [[1,-1],[4,0]].","\\begin{pmatrix} 2 & -2 \\\\ 8 & 0 \\end{pmatrix}",["\\begin{pmatrix} 2 & -2 \\\\ 8 & 0 \\end{pmatrix}","[[2, -2], [8, 0]]","\\begin{bmatrix}2 & -2\\\\ 8 & 0\\end{bmatrix}"],{"transpose":"\\begin{pmatrix} 2 & 8 \\\\ -2 & 0 \\end{pmatrix}","sign":"\\begin{pmatrix} 2 & 2 \\\\ 8 & 0 \\end{pmatrix}","near":"\\begin{pmatrix} 3 & -1 \\\\ 6 & 2 \\end{pmatrix}"}),
 # vector
 ("vector","u=(1,2,3), v=(2,0,-1): u+v.","(3, 2, 2)",["(3, 2, 2)","\\langle 3, 2, 2 \\rangle","\\begin{pmatrix} 3 \\\\ 2 \\\\ 2 \\end{pmatrix}"],{"swap":"(2, 3, 2)","near":"(3, 2, 4)","sign":"(-3, -2, -2)"}),
 ("vector","Cross product i x j written as components.","(0, 0, 1)",["(0, 0, 1)","\\langle 0,0,1\\rangle","\\begin{pmatrix}0\\\\0\\\\1\\end{pmatrix}"],{"sign":"(0, 0, -1)","swap":"(1, 0, 0)","near":"(0, 1, 0)"}),
 ("vector","3*(2,-1).","(6, -3)",["(6, -3)","\\langle 6, -3\\rangle","\\begin{pmatrix} 6 \\\\ -3 \\end{pmatrix}"],{"swap":"(-3, 6)","sign":"(6, 3)","near":"(5, -2)"}),
 # complex
 ("complex","Compute (2+i)(1-i).","3 - i",["3 - i","3-i","-i+3"],{"conj":"3 + i","near":"1 - i","sign":"-3 + i"}),
 ("complex","Compute (1+2i)^2.","-3 + 4i",["-3 + 4i","-3+4i","4i - 3"],{"conj":"-3 - 4i","near":"5 + 4i","sign":"3 - 4i"}),
 ("complex","Compute (5+5i)/(1+2i).","3 - i",["3 - i","3-i","3 - 1i"],{"conj":"3 + i","near":"1 - 3i","sign":"-3 + i"}),
 # plus-minus
 ("pm","Solve x^2 = 49.","\\pm 7",["\\pm 7","x = \\pm 7","7, -7","-7, 7","x = 7 \\text{ or } x = -7"],{"near":"7","sign":"-7","near2":"\\pm 49"}),
 ("pm","Solve x^2 - 2 = 0.","\\pm\\sqrt{2}",["\\pm\\sqrt{2}","x=\\pm\\sqrt 2","\\sqrt{2}, -\\sqrt{2}"],{"near":"\\sqrt{2}","near2":"\\pm 2","round":"\\pm 1.41"}),
 ("pm","Solve 4x^2 = 9.","\\pm\\frac{3}{2}",["\\pm\\frac{3}{2}","\\pm 1.5","x = \\pm\\frac32","\\frac{3}{2}, -\\frac{3}{2}"],{"near":"\\frac{3}{2}","near2":"\\pm\\frac{9}{4}","sign":"-\\frac{3}{2}"}),
 # multiple choice
 ("mc","Which is prime? (A) 21 (B) 27 (C) 29 (D) 33","C",["C","(C)","\\text{(C)}","C) 29","Choice C"],{"near":"B","near2":"D","valueonly":"29"}),
 ("mc","Value of 3! ? (A) 3 (B) 6 (C) 9 (D) 12","B",["B","(B)","B) 6","option B"],{"near":"A","near2":"D","valueonly":"6"}),
 ("mc","Largest? (A) 0.5 (B) 2/5 (C) 3/8 (D) 0.45","A",["A","(A)","A) 0.5","\\textbf{(A)}"],{"near":"D","near2":"C","valueonly":"0.5"}),
 # text
 ("text","Shape with 6 equal sides and angles?","regular hexagon",["regular hexagon","Regular Hexagon","a regular hexagon","\\text{regular hexagon}"],{"near":"regular pentagon","near2":"hexagram","sign":"irregular hexagon"}),
 ("text","Is 91 prime or composite?","composite",["composite","Composite","\\text{composite}","COMPOSITE"],{"near":"prime","near2":"neither","sign":"prime power"}),
 ("text","Triangle with sides 3,4,5: acute, right or obtuse?","right",["right","Right","a right triangle","\\text{right}"],{"near":"acute","near2":"obtuse","sign":"isosceles"}),
 # number words
 ("words","Days in two weeks, in words.","fourteen",["fourteen","14","Fourteen","14.0"],{"near":"fifteen","near2":"forty","sign":"thirteen"}),
 ("words","How many sides does an octagon have?","8",["eight","8","Eight"],{"near":"six","near2":"ten","sign":"seven"}),
 ("words","Number of degrees in a right angle, in words.","ninety",["ninety","90","Ninety"],{"near":"nineteen","near2":"one hundred eighty","sign":"eighty"}),
 ("words","Guests: 125 - 28, in words.","ninety-seven",["ninety-seven","97","ninety seven"],{"near":"ninety-three","near2":"one hundred three","sign":"eighty-seven"}),
]
